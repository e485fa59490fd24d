import { useCallback, useRef, useState } from 'react';

/**
 * A form's submit that runs once at a time. An adder form clears its field only when the answer
 * comes, so until then its button was still enabled: a double click added the item twice, both
 * kept. `run` ignores a submit while one is on its way (a ref, so not even two events before the
 * next render get through), and `pending` disables the button meanwhile.
 */
export function useSubmitOnce() {
  const running = useRef(false);
  const [pending, setPending] = useState(false);
  const run = useCallback(async (submit: () => Promise<unknown>) => {
    if (running.current) return;
    running.current = true;
    setPending(true);
    try {
      await submit();
    } finally {
      running.current = false;
      setPending(false);
    }
  }, []);
  return { pending, run };
}
