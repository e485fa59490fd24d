import '../styles/ladder.css';
import { useNavigation } from '../app/navigation-store';
import { Glyph } from '../ui/Glyph';
import { PageHeading } from '../ui/PageHeading';
import { type Rung, rungs } from './rungs';

/** The home page: the five rungs as a ladder, each with what that size of group is good for. */
export function LadderHome() {
  return (
    <div className="page ladder-home">
      <PageHeading lead="Groups of different sizes are good for different things. Each rung holds and supports the ones before it; start wherever you are.">
        Your ladder
      </PageHeading>
      <ol className="ladder" aria-label="The ladder">
        {rungs.map((rung) => (
          <RungStep key={rung.id} rung={rung} />
        ))}
      </ol>
    </div>
  );
}

function RungStep({ rung }: { rung: Rung }) {
  const go = useNavigation((state) => state.go);
  const ready = rung.coming === '';
  return (
    <li className="rung" data-rung={rung.id}>
      <span className="rung-glyph">
        <Glyph page={rung.id} />
      </span>
      <div className="rung-text">
        <h2 className="rung-name">
          {rung.name} <span className="rung-size">{rung.size}</span>
          {ready ? null : <span className="rung-soon">Being built</span>}
        </h2>
        <p className="rung-purpose">{rung.purpose}</p>
      </div>
      <button type="button" className={ready ? 'button button-primary' : 'button'} onClick={() => go(rung.id)}>
        Go to {rung.name}
      </button>
    </li>
  );
}
