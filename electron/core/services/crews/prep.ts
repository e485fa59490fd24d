import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../../../shared/contract';
import { type AgendaItem, type CrewMember, type Prep, cycleProgress, nextInRotation } from '../../../../shared/domain/crews';
import type { Clock } from '../../clock';
import type { Database } from '../../db/schema';
import { createPromptsService } from '../prompts/prompts-service';
import { crewOf, liveCrew, meetingFacts, nextMeetingDate, toActionItem, toAgendaItem } from './crew-rows';

/** "Next meeting": everything a member prepares offline, from the crew's history. */
export function createPrep(db: Kysely<Database>, clock: Clock) {
  const prompts = createPromptsService(db, clock);
  return async (input: ParsedInput<'crews.prep'>): Promise<Prep> => {
    const row = await liveCrew(db, input.id, 'id');
    const [crew, facts, meetings, agenda, actions, prompt] = await Promise.all([
      crewOf(db, row),
      meetingFacts(db, [row]),
      db.selectFrom('meeting').select(['number', 'host_id', 'focus_id']).where('crew_id', '=', row.id).where('deleted_at', 'is', null).orderBy('number').execute(),
      db.selectFrom('agenda_item').selectAll().where('crew_id', '=', row.id).where('status', '=', 'open').where('deleted_at', 'is', null).orderBy('id').execute(),
      db.selectFrom('action_item').selectAll().where('crew_id', '=', row.id).where('status', '=', 'open').where('deleted_at', 'is', null).orderBy('id').execute(),
      prompts.today({ rung: 'crews', date: input.today }),
    ]);
    const fact = facts.get(row.id);
    const nextNumber = (meetings.at(-1)?.number ?? 0) + 1;
    const memberIds = crew.members.map((m) => m.personId);
    const host = nextInRotation(memberIds, meetings.map((m) => ({ number: m.number, personId: m.host_id })));
    const focus = nextInRotation(memberIds, meetings.map((m) => ({ number: m.number, personId: m.focus_id })), host);
    const items = agenda.map((item) => toAgendaItem(item, nextNumber, null));
    return {
      crewId: crew.id,
      crewName: crew.name,
      date: nextMeetingDate(row, fact?.last_held_on ?? null),
      session: cycleProgress({ cycle: row.cycle, held: fact?.held_in_cycle ?? 0, sessions: row.cycle_sessions, endOn: row.cycle_end_on, today: input.today }),
      suggestedHostId: host,
      suggestedFocusId: focus,
      carried: items.filter((i) => i.carried > 0),
      fresh: items.filter((i) => i.carried === 0),
      openActionItems: actions.map(toActionItem),
      members: crew.members,
      agreements: crew.agreements,
      iAmFocus: crew.members.some((m) => m.isMe && m.personId === focus),
      prompt: prompt ? { id: prompt.id, text: prompt.text } : null,
    };
  };
}

/**
 * The prep as Markdown for the crew. Private agenda items are my own notes: they never leave
 * this function, whatever else changes here.
 */
export function prepMarkdown(prep: Prep): string {
  const name = (id: string | null) => prep.members.find((m: CrewMember) => m.personId === id)?.name ?? 'someone';
  const line = (item: AgendaItem) => {
    const by = item.raisedById ? ` (raised by ${name(item.raisedById)})` : '';
    const carried = item.carried > 0 ? ` — carried over ${item.carried === 1 ? 'once' : `${item.carried} times`}` : '';
    return `- ${oneLine(item.text)}${by}${carried}`;
  };
  const shared = (items: AgendaItem[]) => items.filter((i) => !i.private);
  const { session } = prep;
  const out: string[] = [`# ${prep.crewName}: next meeting`, ''];
  out.push(`- **Date:** ${prep.date ?? 'to be agreed'}`);
  out.push(`- **Session:** ${session.next}${session.sessions === null ? '' : ` of ${session.sessions}`} (cycle ${session.cycle})`);
  if (prep.suggestedHostId) out.push(`- **Host:** ${name(prep.suggestedHostId)}`);
  if (prep.suggestedFocusId) out.push(`- **Focus (case-giver):** ${name(prep.suggestedFocusId)}`);
  out.push('', '## Agenda', '');
  const carried = shared(prep.carried);
  const fresh = shared(prep.fresh);
  if (carried.length > 0) out.push('### Carried over', '', ...carried.map(line), '');
  if (fresh.length > 0) out.push('### New', '', ...fresh.map(line), '');
  if (carried.length === 0 && fresh.length === 0) out.push('Nothing on the agenda yet.', '');
  out.push('## Open action items', '');
  if (prep.openActionItems.length === 0) out.push('None open.', '');
  else out.push(...prep.openActionItems.map((a) => `- [ ] ${oneLine(a.text)} — ${name(a.ownerId)}${a.dueOn ? ` (by ${a.dueOn})` : ''}`), '');
  if (prep.agreements.length > 0) out.push('## Our agreements', '', ...prep.agreements.map((a) => `- ${oneLine(a)}`), '');
  return `${out.join('\n').trimEnd()}\n`;
}

/** A list item stays one Markdown line. */
function oneLine(text: string) {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
