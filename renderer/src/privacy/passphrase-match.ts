import { useRef, useState } from 'react';

export const mismatchMessage = "The two passphrases don't match yet.";

/**
 * The "repeat the passphrase" box. It says kindly when the two differ: as soon as the repeat can
 * no longer become the passphrase by typing on, when it is left, or when the form is sent; not
 * while it is still on its way (each letter would otherwise be announced as a mistake).
 */
export function useRepeatedPassphrase(passphrase: string) {
  const [repeat, setValue] = useState('');
  const [left, setLeft] = useState(false);
  const [tried, setTried] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const matches = repeat === passphrase;
  const offTrack = repeat !== '' && (left || !passphrase.startsWith(repeat));
  const error = !matches && (offTrack || tried) ? mismatchMessage : undefined;
  return {
    repeat,
    matches,
    error,
    inputRef,
    setRepeat: (value: string) => {
      setValue(value);
      if (value === '') setLeft(false);
    },
    onBlur: () => setLeft(repeat !== ''),
    /** On submit: true when they match; otherwise the message shows and focus goes to the repeat box. */
    check: () => {
      if (matches) return true;
      setTried(true);
      inputRef.current?.focus();
      return false;
    },
    clear: () => {
      setValue('');
      setLeft(false);
      setTried(false);
    },
  };
}
