import type { Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
// The prompts and templates Ladder ships with, written for it. Their ids are fixed, so the same
// prompt has the same id in every archive; they can be archived or deleted like any other.

const writtenAt = '2026-01-01T00:00:00.000Z';

const prompts: Record<string, string[]> = {
  self: [
    'Which part of you has been in the driving seat this week? What might it be trying to keep you safe from?',
    'Think of a moment today when a part took over. Where did you feel it in your body, and how do you feel toward it now?',
    'If one of your protectors took a whole day off, what would it worry might happen?',
    'Where did you speak to yourself like a strict boss today? What might a warm host say instead?',
    'Of calm, curiosity, clarity, compassion, confidence, courage, creativity and connectedness, which came easily today, and which felt far away?',
    'Recall a recent friction. Leaving aside what the other person did, what were your own feelings, needs and stories?',
    'What is one thing you want right now, and one boundary you would like to name?',
    'Which part of you would you like someone close to meet? Which one isn’t ready yet? Both are fine.',
    'What set a part of you off recently? Follow that trailhead a little way: what did you find?',
    'What would you like to thank one of your parts for today?',
  ],
  dyads: [
    'Where did this relationship sit between partnership and domination this month? When did it shift?',
    'Did either of us decide something for the other without asking? What would make it feel mutual?',
    'What did I offer this time, and what did I ask for? Both count.',
    'Is there a small rupture between us that we haven’t tended yet? What might a repair look like?',
    'What did I promise last time? Would I like to keep it, renegotiate it, or openly let it go?',
    'When they spoke, did I loop back what I heard before I answered?',
    'What is alive for them right now that I’d like to remember next time we meet?',
    'Does the shape of this relationship (steward, peer coach, friend) still fit? What would a graceful change look like?',
  ],
  crews: [
    'If I called a crew, what would its intention be, and which three to five people would I invite to try it?',
    'Which agreements does our crew hold? Is there one we’ve been living by without ever saying it?',
    'Who is hosting next, and who is bringing a case? What current, concrete challenge am I at the centre of?',
    'While I listened today, what images or feelings came up for me? (No advice, just what arose.)',
    'Has hosting moved around the circle? Does this feel like our group yet, rather than one person’s?',
    'How many sessions are left in this cycle, and when will we look back on it together?',
    'Looking back: what worked, what didn’t, and which one or two changes would we make? Continue, pause, reshuffle or close?',
    'How did I show up in the crew? Where did I take over, and where did I hold back?',
    'What has this crew given me that I couldn’t have found alone?',
  ],
  congregations: [
    'Am I in a crew within this congregation? If not, who might I invite into one?',
    'Who seems to be at the edges, without a crew? What small welcome could I offer?',
    'Before the next gathering: who would I like to meet, and what invitation could I bring?',
    'In the week after the gathering: which new connections felt like possible crewmates?',
    'Where am I on the path from contributor to member to host, and is that where I’d like to be?',
    'Which lessons from our crews’ retros are worth sharing with everyone?',
    'Which tension I’m holding could become an invitation?',
    'What responsibility could I hand over, so that by stepping back, someone else can step in?',
  ],
  network: [
    'What am I learning from other congregation hosts, and what could I offer them in return?',
    'Which practice from another community could I adapt to ours, rather than copy?',
    'Who are my mentors? Who gives me honest feedback? To whom am I accountable?',
    'Which question of governance or infrastructure are we facing that another community has already lived through?',
    'Is my influence growing faster than my accountability? What would bring them back into balance?',
    'What would it take for this community to thrive without me as its founder?',
    'Which story from our community might help hosts somewhere else?',
    'Where in the network do I feel I belong, and where do I still feel like a guest?',
  ],
};

const rungDigit: Record<string, number> = { self: 1, dyads: 2, crews: 3, congregations: 4, network: 5 };

const templates: { name: string; rung: string | null; kind: string; body: string }[] = [
  {
    name: 'Daily reflection',
    rung: 'self',
    kind: 'journal',
    body: '## What is here today\n\n\n## Which parts showed up\n\n\n## Something I am grateful for\n\n\n## One thing I would like for tomorrow\n\n',
  },
  {
    name: 'Protector reflection',
    rung: 'self',
    kind: 'protector_reflection',
    body: [
      '## Find\nWhere do I notice this part, in or around my body?\n\n',
      '## Focus\nWhat do I notice as I turn toward it, gently?\n\n',
      '## Flesh out\nAn image, a voice, feelings, beliefs? How old does it seem?\n\n',
      '## Feel toward\nHow do I feel toward it? If it is not curiosity or calm, which other part is answering? Could that part step back a little?\n\n',
      '## Befriend\nWhat is its job? What is it trying to do for me?\n\n',
      '## Fears\nWhat is it afraid would happen if it stopped?\n\n',
    ].join('\n'),
  },
  {
    name: 'Before a crew meeting',
    rung: 'crews',
    kind: 'journal',
    body: '## How I am arriving\n\n\n## One thing I want from this meeting\n\n\n## One boundary I would like to name\n\n\n## A part that might show up, and what it needs\n\n',
  },
  {
    name: 'After a dyad check-in',
    rung: 'dyads',
    kind: 'journal',
    body: '## What we talked about\n\n\n## What I offered, and what I asked for\n\n\n## Commitments, in both directions\n\n\n## Where it sat between partnership and domination\n\n\n## What I want to remember next time\n\n',
  },
  {
    name: 'After a therapy session',
    rung: 'self',
    kind: 'therapy_log',
    body: '## What we worked on\n\n\n## Which parts were there\n\n\n## What I want to remember\n\n\n## How I want to look after myself now\n\n',
  },
];

function hex(n: number, width: number) {
  return n.toString(16).padStart(width, '0');
}

export async function up(db: Kysely<any>): Promise<void> {
  const promptRows = Object.entries(prompts).flatMap(([rung, texts]) =>
    texts.map((text, index) => ({
      id: `00000000-0000-7000-8001-${hex((rungDigit[rung] ?? 0) * 256 + index + 1, 12)}`,
      rung,
      text,
      source: 'ladder',
      archived_at: null,
      created_at: writtenAt,
      updated_at: writtenAt,
      deleted_at: null,
    })),
  );
  await db.insertInto('prompt').values(promptRows).execute();

  const templateRows = templates.map((template, index) => ({
    id: `00000000-0000-7000-8002-${hex(index + 1, 12)}`,
    ...template,
    source: 'ladder',
    created_at: writtenAt,
    updated_at: writtenAt,
    deleted_at: null,
  }));
  await db.insertInto('template').values(templateRows).execute();
}
