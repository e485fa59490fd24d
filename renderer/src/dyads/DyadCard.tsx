import type { DyadCard as Card, DyadStatus, Rhythm } from '../../../shared/domain/dyads';
import { useNavigation } from '../app/navigation-store';
import { dayInSentence, friendlyDay, localDay } from '../self/dates';
import { kindLabels, statusLabels } from './labels';

/** When the next check-in is hoped for, in words that never scold. */
export function nextWords(rhythm: Rhythm, today: string): string {
  if (rhythm.nextDueOn === null) return 'Whenever feels right';
  if (rhythm.nextDueOn === today) return 'Today';
  if (rhythm.daysPast > 0) return `Around ${dayInSentence(rhythm.nextDueOn)}; any time now`;
  return `Around ${friendlyDay(rhythm.nextDueOn)}`;
}

/** The next check-in as a dyad's status allows it: a paused or closed dyad hopes for none. */
export function nextCheckinWords(status: DyadStatus, rhythm: Rhythm, today: string): string {
  if (status === 'closed') return 'None while it is closed';
  if (status === 'paused') return 'Resting for now';
  return nextWords(rhythm, today);
}

function commitmentWords(count: number) {
  return count === 0 ? 'none open' : count === 1 ? '1 open' : `${count} open`;
}

/** One dyad as a card (the Dyads page's active ones, all of a person's): who, what kind, the rhythm and open commitments each way. */
export function DyadCard({ card, today }: { card: Card; today?: string }) {
  const go = useNavigation((state) => state.go);
  const day = today ?? localDay();
  return (
    <article className="dyad-card" aria-labelledby={`dyad-card-${card.id}`}>
      <header className={card.status === 'active' ? 'dyad-card-head' : 'dyad-card-head dyad-card-head-resting'}>
        <h3 id={`dyad-card-${card.id}`}>
          <button type="button" className="dyad-card-name" onClick={() => go('dyads', { kind: 'dyad', id: card.id })}>
            {card.personName}
          </button>
        </h3>
        <span className="dyad-card-tags">
          <span className="tag">{kindLabels[card.kind]}</span>
          {/* On a person's page a paused or closed dyad sits beside the going one: it says so. */}
          {card.status === 'active' ? null : <span className="tag tag-open">{statusLabels[card.status]}</span>}
        </span>
      </header>
      {card.intention ? <p className="dyad-card-intention">“{card.intention}”</p> : null}
      <dl className="dyad-facts">
        <div>
          <dt>Last check-in</dt>
          <dd>{card.lastCheckinOn ? friendlyDay(card.lastCheckinOn) : 'Not yet'}</dd>
        </div>
        <div>
          <dt>Next check-in</dt>
          <dd>{nextCheckinWords(card.status, card.rhythm, day)}</dd>
        </div>
        <div>
          <dt>My commitments</dt>
          <dd>{commitmentWords(card.openMine)}</dd>
        </div>
        <div>
          <dt>Their commitments</dt>
          <dd>{commitmentWords(card.openTheirs)}</dd>
        </div>
      </dl>
    </article>
  );
}
