import { useEffect, useId, useRef, useState } from 'react';
import type { Template } from '../../../../shared/domain/prompts';
import { useReadOnly } from '../../app/app-info-store';
import { useEntryEditor } from '../entry-editor-store';
import { useLibrary } from './prompts-store';

/** Starts an entry from a template: its name as the title, its headings as the body. */
export function startFromTemplate(template: Template) {
  return useEntryEditor.getState().newEntry({ title: template.name, body: template.body, rung: template.rung, kind: template.kind });
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
