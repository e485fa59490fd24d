/**
 * Words typed into a form but not saved yet, kept in the archive by the form's key so they
 * survive a restart. `value` is the form's state as JSON text; only the form knows its shape.
 */
export interface Draft {
  /** The form it belongs to, e.g. `crews:<crew id>:new-meeting` or `quick-capture`. */
  key: string;
  value: string;
  updatedAt: string;
}
