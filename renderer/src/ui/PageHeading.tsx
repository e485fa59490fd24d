import { type ReactNode, useEffect, useRef } from 'react';
import { useNavigation } from '../app/navigation-store';

/** A page's h1. After a move between pages it takes focus, so keyboard and screen-reader users land on the new page. */
export function PageHeading({ children, lead }: { children: ReactNode; lead?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Not out of a dialog opened meanwhile (? pressed while the page's code was still loading).
    if (useNavigation.getState().moves > 0 && !document.activeElement?.closest('[aria-modal="true"]')) ref.current?.focus();
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
