import { type ReactNode, useEffect, useRef } from 'react';
import { useNavigation } from '../app/navigation-store';

/** A page's h1. After a move between pages it takes focus, so keyboard and screen-reader users land on the new page. */
export function PageHeading({ children, lead }: { children: ReactNode; lead?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Not out of a dialog opened meanwhile (? pressed while the page's code was still loading),
    // nor out of the page's own first field: a form page drawn at once ("Add a person") puts
    // focus there itself, as the ones drawn after loading do, so typing can start.
    const active = document.activeElement;
    if (useNavigation.getState().moves === 0 || active?.closest('[aria-modal="true"]')) return;
    if (active instanceof HTMLElement && active.matches('input, textarea, select') && active.closest('#main')) return;
    ref.current?.focus();
  }, []);
  return (
    <div className="page-heading">
      <h1 ref={ref} tabIndex={-1}>
        {children}
      </h1>
      {lead ? <p className="page-lead">{lead}</p> : null}
    </div>
  );
}
