import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { rungIds, type RungId } from '../../../shared/domain/journal';
import { useTags } from './entry/tags-store';
import { isFiltered, type JournalFilter, useJournal } from './journal-store';
import { useLibrary } from './library/prompts-store';
import { rungLabels } from './parts/part-labels';
import { useParts } from './parts/parts-store';

/** Narrows the journal by part, tag, prompt, rung and dates. Collapsed, it says what is applied. */
export function JournalFilters() {
  const id = useId();
  const filter = useJournal((state) => state.filter);
  const setFilter = useJournal((state) => state.setFilter);
  const filtered = isFiltered(filter);
  const [open, setOpen] = useState(false);
  const partIds = useParts(useShallow((state) => state.ids));
  const partsById = useParts((state) => state.byId);
  const tags = useTags(useShallow((state) => state.tags));
  const prompts = useLibrary((state) => state.prompts);
  const promptIds = useLibrary(useShallow((state) => state.promptIds));

  const change = (patch: JournalFilter) => void setFilter({ ...filter, ...patch });
  const summary = describeFilter(filter, (pid) => partsById[pid]?.name, (pid) => prompts[pid]?.text);

  return (
    <div className="journal-filters">
      <div className="journal-filters-bar">
        <button type="button" className="button button-small" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen(!open)}>
          <svg className="button-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M2.5 4h11M4.5 8h7M6.5 12h3" />
          </svg>
          Filter
        </button>
        {filtered ? (
          <>
            <p className="journal-filters-summary">{summary}</p>
            <button type="button" className="button button-quiet button-small" onClick={() => void setFilter({})}>
              Clear filters
            </button>
          </>
        ) : null}
      </div>
      {open ? (
        <div className="journal-filters-panel" id={`${id}-panel`}>
          <label className="filter-field">
            <span>Part</span>
            <select className="select" value={filter.partId ?? ''} onChange={(e) => change({ partId: e.target.value || undefined })}>
              <option value="">Any part</option>
              {partIds.map((pid) => (
                <option key={pid} value={pid}>
                  {partsById[pid]?.name}
                </option>
              ))}
            </select>
          </label>
          <label className="filter-field">
            <span>Tag</span>
            <select className="select" value={filter.tag ?? ''} onChange={(e) => change({ tag: e.target.value || undefined })}>
              <option value="">Any tag</option>
              {tags.map((tag) => (
                <option key={tag} value={tag}>
                  #{tag}
                </option>
              ))}
            </select>
          </label>
          <label className="filter-field">
            <span>Rung</span>
            <select className="select" value={filter.rung ?? ''} onChange={(e) => change({ rung: (e.target.value || undefined) as RungId | undefined })}>
              <option value="">Any rung</option>
              {rungIds.map((rung) => (
                <option key={rung} value={rung}>
                  {rungLabels[rung]}
                </option>
              ))}
            </select>
          </label>
          <label className="filter-field filter-field-wide">
            <span>Prompt</span>
            <select className="select" value={filter.promptId ?? ''} onChange={(e) => change({ promptId: e.target.value || undefined })}>
              <option value="">Any prompt, or none</option>
              {rungIds.map((rung) => (
                <optgroup key={rung} label={rungLabels[rung]}>
                  {promptIds
                    .filter((pid) => prompts[pid]?.rung === rung)
                    .map((pid) => (
                      <option key={pid} value={pid}>
                        {shorten(prompts[pid]?.text ?? '', 70)}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </label>
          <label className="filter-field">
            <span>From</span>
            <input type="date" className="text-input" value={filter.from ?? ''} onChange={(e) => change({ from: e.target.value || undefined })} />
          </label>
          <label className="filter-field">
            <span>To</span>
            <input type="date" className="text-input" value={filter.to ?? ''} onChange={(e) => change({ to: e.target.value || undefined })} />
          </label>
        </div>
      ) : null}
    </div>
  );
}

function shorten(text: string, max: number) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function describeFilter(filter: JournalFilter, partName: (id: string) => string | undefined, promptText: (id: string) => string | undefined) {
  const bits: string[] = [];
  if (filter.partId) bits.push(partName(filter.partId) ?? 'a part');
  if (filter.tag) bits.push(`#${filter.tag}`);
  if (filter.rung) bits.push(rungLabels[filter.rung]);
  if (filter.promptId) bits.push(`“${shorten(promptText(filter.promptId) ?? 'a prompt', 40)}”`);
  if (filter.from && filter.to) bits.push(`${filter.from} to ${filter.to}`);
  else if (filter.from) bits.push(`from ${filter.from}`);
  else if (filter.to) bits.push(`until ${filter.to}`);
  return `Showing ${bits.join(', ')}`;
}
