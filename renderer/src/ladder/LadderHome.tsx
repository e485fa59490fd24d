import '../styles/ladder.css';
import './ladder-home.css';
import { useEffect } from 'react';
import type { RungId } from '../../../shared/domain/journal';
import type { LadderSummary } from '../../../shared/domain/ladder';
import { useNavigation } from '../app/navigation-store';
import { useReadOnly } from '../app/app-info-store';
import { friendlyDay } from '../self/dates';
import { Glyph } from '../ui/Glyph';
import { PageHeading } from '../ui/PageHeading';
import { BelongingMapView } from './BelongingMapView';
import { useLadder } from './ladder-store';
import { type Rung, rungs } from './rungs';
import { SignalList } from './SignalList';

/** The front door: every rung with its numbers, last activity and prompt, and the gentle signals. */
export function LadderHome() {
  const detail = useNavigation((state) => state.detail);
  if (detail?.kind === 'map') return <BelongingMapView />;
  return <LadderFront />;
}

function LadderFront() {
  const summary = useLadder((state) => state.summary);
  const error = useLadder((state) => state.error);
  const go = useNavigation((state) => state.go);
  useEffect(() => {
    void useLadder.getState().load();
  }, []);
  const empty = summary?.empty === true;
  return (
    <div className="page ladder-home">
      <PageHeading lead="Groups of different sizes are good for different things. Each rung holds and supports the ones before it; start wherever you are.">
        Your ladder
      </PageHeading>
      {error ? (
        <p className="ladder-error" role="alert">
          {error}
        </p>
      ) : null}
      {empty ? (
        <section className="ladder-welcome" aria-labelledby="ladder-welcome-title">
          <h2 id="ladder-welcome-title">Welcome. This is where you'll see where you belong.</h2>
          <p>
            Nothing is written yet, and that's a fine place to start. Pick any rung below: a few lines in your journal, a friend you meet with, a crew you're
            part of. The ladder fills in as you go.
          </p>
        </section>
      ) : null}
      {summary && !empty ? <SignalList signals={summary.signals} /> : null}
      <div className="ladder-tools">
        <button type="button" className="button" onClick={() => go('ladder', { kind: 'map' })}>
          See your belonging map
        </button>
      </div>
      <ol className="ladder" aria-label="The ladder">
        {rungs.map((rung) => (
          <RungStep key={rung.id} rung={rung} summary={summary} />
        ))}
      </ol>
    </div>
  );
}

const stageWords: Record<string, string> = {
  calling: 'calling',
  forming: 'forming',
  meeting: 'meeting',
  retrospective: 'in a retrospective',
  continuing: 'continuing',
  paused: 'resting',
};

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

/** The rung's numbers in a few words; empty rungs get an invitation instead of a zero. */
function numbersOf(rung: RungId, summary: LadderSummary): string[] {
  const n = summary.numbers;
  switch (rung) {
    case 'self':
      return n.self.partsKnown === 0 ? [] : [plural(n.self.partsKnown, 'part known', 'parts known')];
    case 'dyads':
      return n.dyads.active === 0 ? [] : [plural(n.dyads.active, 'active dyad', 'active dyads')];
    case 'crews': {
      if (n.crews.active === 0) return [];
      const stages = Object.entries(n.crews.byStage).map(([stage, count]) => `${count} ${stageWords[stage] ?? stage}`);
      return [plural(n.crews.active, 'crew', 'crews'), ...stages];
    }
    case 'congregations':
      return n.congregations.count === 0
        ? []
        : [plural(n.congregations.count, 'congregation', 'congregations'), plural(n.congregations.crews, 'crew in them', 'crews in them')];
    case 'network':
      return n.network.count === 0 ? [] : [plural(n.network.count, 'network', 'networks'), plural(n.network.hosts, 'host I learn from', 'hosts I learn from')];
  }
}

const invitations: Record<RungId, string> = {
  self: 'No parts named yet.',
  dyads: 'No dyads yet.',
  crews: 'No crews yet.',
  congregations: 'No congregations yet.',
  network: 'No networks yet.',
};

/** Said instead once the rung has seen activity: dyads and crews may all be closed or paused. */
const noneActive: Partial<Record<RungId, string>> = {
  dyads: 'No active dyads.',
  crews: 'No active crews.',
};

function RungStep({ rung, summary }: { rung: Rung; summary: LadderSummary | null }) {
  const go = useNavigation((state) => state.go);
  const prompt = useLadder((state) => state.prompts[rung.id] ?? null);
  const readOnly = useReadOnly();
  const numbers = summary ? numbersOf(rung.id, summary) : [];
  const last = summary?.lastActivity[rung.id] ?? null;
  const titleId = `rung-${rung.id}-name`;
  return (
    <li className="rung rung-full" data-rung={rung.id} aria-labelledby={titleId}>
      <span className="rung-glyph">
        <Glyph page={rung.id} />
      </span>
      <div className="rung-text">
        <h2 className="rung-name" id={titleId}>
          {rung.name} <span className="rung-size">{rung.size}</span>
        </h2>
        <p className="rung-purpose">{rung.purpose}</p>
        {summary ? (
          <p className="rung-numbers">
            {numbers.length > 0 ? numbers.join(' · ') : ((last ? noneActive[rung.id] : undefined) ?? invitations[rung.id])}
            <span className="rung-last">{last ? ` Last activity: ${friendlyDay(last)}.` : ''}</span>
          </p>
        ) : null}
        {prompt ? (
          <div className="rung-prompt">
            <p>
              <span className="rung-prompt-label">Prompt of the day: </span>
              {prompt.text}
            </p>
            <button type="button" className="button button-quiet" aria-label={`Reflect on ${rung.name} in your journal`} disabled={readOnly} onClick={() => void useLadder.getState().reflect(rung.id)}>
              Reflect in your journal
            </button>
          </div>
        ) : null}
      </div>
      <button type="button" className="button button-primary" onClick={() => go(rung.id)}>
        Go to {rung.name}
      </button>
    </li>
  );
}
