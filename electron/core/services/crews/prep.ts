import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../../../shared/contract';
import { type AgendaItem, caseGiverTemplate, type CrewMember, isEmptyCase, isUnnamedMe, type Prep, cycleProgress, nextInRotation } from '../../../../shared/domain/crews';
import type { Database } from '../../db/schema';
import { callingPromptId, lookingBackPromptIds } from '../prompts/crew-prompts';
import { pickForDay } from '../prompts/prompt-of-the-day';
import { crewOf, liveCrew, meetingFacts, toActionItem, toAgendaItem, upcomingMeetingDate } from './crew-rows';
import { caseFor } from './plan-service';

/**
 * The crew prompt of the day for a crew that meets: the same pick as the Ladder home's crew prompt
 * (same day, same rung), from the crew prompts that fit this crew, met or not yet.
 */
async function meetingPrompt(db: Kysely<Database>, day: string, met: boolean) {
  const rows = await db
    .selectFrom('prompt')
    .select(['id', 'text', 'created_at'])
    .where('rung', '=', 'crews')
    .where('id', 'not in', met ? [callingPromptId] : [callingPromptId, ...lookingBackPromptIds])
    .where('deleted_at', 'is', null)
    .where('archived_at', 'is', null)
    .limit(1_000)
    .execute();
  return pickForDay(rows.map((r) => ({ id: r.id, text: r.text, createdAt: r.created_at })), day, 'crews');
}

/** "Next meeting": everything a member prepares offline, from the crew's history. */
export function createPrep(db: Kysely<Database>) {
  return async (input: ParsedInput<'crews.prep'>): Promise<Prep> => {
    const row = await liveCrew(db, input.id, 'id');
    const [crew, facts, meetings, agenda, actions] = await Promise.all([
      crewOf(db, row),
      meetingFacts(db, [row]),
      db.selectFrom('meeting').select(['number', 'host_id', 'focus_id']).where('crew_id', '=', row.id).where('deleted_at', 'is', null).orderBy('number').execute(),
      db.selectFrom('agenda_item').selectAll().where('crew_id', '=', row.id).where('status', '=', 'open').where('deleted_at', 'is', null).orderBy('id').execute(),
      db.selectFrom('action_item').selectAll().where('crew_id', '=', row.id).where('status', '=', 'open').where('deleted_at', 'is', null).orderBy('id').execute(),
    ]);
    const prompt = await meetingPrompt(db, input.today, meetings.length > 0);
    const fact = facts.get(row.id);
    const nextNumber = (meetings.at(-1)?.number ?? 0) + 1;
    const memberIds = crew.members.map((m) => m.personId);
    const host = nextInRotation(memberIds, meetings.map((m) => ({ number: m.number, personId: m.host_id })));
    const focus = nextInRotation(memberIds, meetings.map((m) => ({ number: m.number, personId: m.focus_id })), host);
    const items = agenda.map((item) => toAgendaItem(item, nextNumber, null));
    const isMember = (personId: string | null) => personId !== null && memberIds.includes(personId);
    // A plan set by hand wins over the rotation; the focus suggestion keeps clear of the chosen host.
    const hostId = isMember(row.next_host_id) ? row.next_host_id : host;
    const suggestedFocus = hostId === host ? focus : nextInRotation(memberIds, meetings.map((m) => ({ number: m.number, personId: m.focus_id })), hostId);
    const focusId = isMember(row.next_focus_id) ? row.next_focus_id : suggestedFocus;
    const date = upcomingMeetingDate(row, fact);
    const iAmFocus = crew.members.some((m) => m.isMe && m.personId === focusId);
    return {
      crewId: crew.id,
      crewName: crew.name,
      date,
      place: row.next_place,
      dateSetByHand: date !== null && date === row.next_meeting_on,
      hostId,
      focusId,
      hostChosen: hostId !== host,
      focusChosen: focusId !== suggestedFocus,
      session: cycleProgress({ cycle: row.cycle, held: fact?.held_in_cycle ?? 0, sessions: row.cycle_sessions, endOn: row.cycle_end_on, today: input.today }),
      suggestedHostId: host,
      suggestedFocusId: suggestedFocus,
      carried: items.filter((i) => i.carried > 0),
      fresh: items.filter((i) => i.carried === 0),
      openActionItems: actions.map(toActionItem),
      members: crew.members,
      agreements: crew.agreements,
      iAmFocus,
      caseNotes: iAmFocus ? await caseFor(db, row.id, nextNumber) : null,
      prompt: prompt ? { id: prompt.id, text: prompt.text } : null,
    };
  };
}

/**
 * The prep as Markdown for the crew. Private agenda items are my own notes: they never leave
 * this function, whatever else changes here.
 */
export function prepMarkdown(prep: Prep, options: { includeCase: boolean } = { includeCase: true }): string {
  const member = (id: string | null) => prep.members.find((m: CrewMember) => m.personId === id);
  // The file goes to the others: an unnamed "Me" reads as the sharer speaking, never as a name.
  const unnamed = (id: string | null) => isUnnamedMe(member(id) ?? { name: '', isMe: false });
  const name = (id: string | null) => (unnamed(id) ? 'me' : (member(id)?.name ?? 'someone'));
  const role = (id: string) => (unnamed(id) ? 'me (who shared this)' : name(id));
  const line = (item: AgendaItem) => {
    const by = item.raisedById ? ` (raised by ${name(item.raisedById)})` : '';
    const carried = item.carried > 0 ? ` — carried over ${item.carried === 1 ? 'once' : `${item.carried} times`}` : '';
    return `- ${oneLine(item.text)}${by}${carried}`;
  };
  const shared = (items: AgendaItem[]) => items.filter((i) => !i.private);
  const { session } = prep;
  const out: string[] = [`# ${prep.crewName}: next meeting`, ''];
  out.push(`- **Date:** ${prep.date ?? 'to be agreed'}`);
  if (prep.place.trim() !== '') out.push(`- **Place:** ${oneLine(prep.place)}`);
  // Past the planned number it is never "3 of 2": the plan is said beside it.
  const planned = session.sessions === null ? '' : session.next <= session.sessions ? ` of ${session.sessions}` : `, beyond the ${session.sessions} planned`;
  out.push(`- **Session:** ${session.next}${planned} (cycle ${session.cycle})`);
  if (prep.hostId) out.push(`- **Host:** ${role(prep.hostId)}`);
  if (prep.focusId) out.push(`- **Focus (case-giver):** ${role(prep.focusId)}`);
  out.push('', '## Agenda', '');
  const carried = shared(prep.carried);
  const fresh = shared(prep.fresh);
  if (carried.length > 0) out.push('### Carried over', '', ...carried.map(line), '');
  if (fresh.length > 0) out.push('### New', '', ...fresh.map(line), '');
  if (carried.length === 0 && fresh.length === 0) out.push('Nothing on the agenda yet.', '');
  out.push('## Open action items', '');
  if (prep.openActionItems.length === 0) out.push('None open.', '');
  else out.push(...prep.openActionItems.map((a) => `- [ ] ${oneLine(a.text)} — ${name(a.ownerId)}${a.dueOn ? ` (by ${a.dueOn})` : ''}`), '');
  if (options.includeCase && prep.iAmFocus && prep.caseNotes && !isEmptyCase(prep.caseNotes)) {
    const notes = prep.caseNotes;
    out.push(unnamed(prep.focusId) ? '## My case' : `## The case: ${name(prep.focusId)}`, '');
    for (const { key, label } of caseGiverTemplate) {
      if (notes[key].trim() !== '') out.push(`### ${label}`, '', notes[key].trim(), '');
    }
  }
  if (prep.agreements.length > 0) out.push('## Our agreements', '', ...prep.agreements.map((a) => `- ${oneLine(a)}`), '');
  return `${out.join('\n').trimEnd()}\n`;
}

/** A list item stays one Markdown line. */
function oneLine(text: string) {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
