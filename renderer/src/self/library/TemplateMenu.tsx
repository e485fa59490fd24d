import { useEffect, useId, useRef, useState } from 'react';
import type { Template } from '../../../../shared/domain/prompts';
import { useReadOnly } from '../../app/app-info-store';
import { type EditorValues, useEntryEditor } from '../entry-editor-store';
import { useLibrary } from './prompts-store';

const heading = /^#{1,6}\s/;

/**
 * Where writing starts in a template: on the empty line under its first heading (after any
 * guiding words beneath it), with that line made when the template has none. Without a heading,
 * at the end. Returns the body to start from and the caret's place in it.
 */
export function writingPlace(body: string): { body: string; caret: number } {
  const lines = body.split('\n');
  const first = lines.findIndex((line) => heading.test(line));
  if (first === -1) return { body, caret: body.length };
  let at = first + 1;
  // Words under the heading that guide the writing stay above the caret.
  while (at < lines.length && lines[at]!.trim() !== '' && !heading.test(lines[at]!)) at += 1;
  const offset = lines.slice(0, at).reduce((sum, line) => sum + line.length + 1, 0);
  if (at < lines.length && lines[at]!.trim() === '') return { body, caret: offset };
  // No empty line there (the next heading follows at once, or the text ends): one is made.
  const before = lines.slice(0, at).join('\n');
  const after = lines.slice(at).join('\n');
  return at < lines.length ? { body: `${before}\n\n${after}`, caret: offset } : { body: `${before}\n`, caret: offset };
}

/** Starts an entry from a template: its name as the title, its headings as the body, the caret under the first. */
export function startFromTemplate(template: Template, seed: Partial<EditorValues> = {}) {
  const { body, caret } = writingPlace(template.body);
  return useEntryEditor.getState().newEntry({ title: template.name, body, rung: template.rung, kind: template.kind, ...seed }, { caret });
}

/** "From a template": a small list that opens below the button; Escape or a click elsewhere closes it. */
export function TemplateMenu() {
  const id = useId();
  const templates = useLibrary((state) => state.templates);
  const readOnly = useReadOnly();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  return (
    <div
      className="template-menu"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        disabled={readOnly}
        onClick={() => setOpen(!open)}
      >
        From a template
      </button>
      {open ? (
        <ul className="template-menu-list" id={`${id}-list`} aria-label="Templates">
          {templates.map((template) => (
            <li key={template.id}>
              <button
                type="button"
                className="template-menu-item"
                autoFocus={template === templates[0]}
                onClick={() => {
                  setOpen(false);
                  void startFromTemplate(template);
                }}
              >
                {template.name}
              </button>
            </li>
          ))}
          {templates.length === 0 ? <li className="template-menu-empty">No templates yet. Add one under Prompts and templates.</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
