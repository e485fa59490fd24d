import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosaver } from '../../renderer/src/ui/autosave';

/** The autosave behind the check-in form: debounced, one save at a time, honest about what is saved. */
describe('the autosaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once after the typing pauses, and says when all is saved', async () => {
    const save = vi.fn(() => Promise.resolve(true));
    const onAllSaved = vi.fn();
    const autosaver = createAutosaver({ save, delayMs: 400, onAllSaved });
    autosaver.touch();
    await vi.advanceTimersByTimeAsync(200);
    autosaver.touch();
    expect(autosaver.hasUnsavedWork()).toBe(true);
    await vi.advanceTimersByTimeAsync(399);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(onAllSaved).toHaveBeenCalledTimes(1);
    expect(autosaver.hasUnsavedWork()).toBe(false);
  });

  it('never runs two saves at once, and saves again for a change made during a save', async () => {
    let inFlight = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const save = vi.fn(async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise<void>((resolve) => releases.push(resolve));
      inFlight -= 1;
      return true;
    });
    const autosaver = createAutosaver({ save });
    autosaver.touch();
    const first = autosaver.flush();
    await vi.advanceTimersByTimeAsync(0);
    // A keystroke while the first save is on its way.
    autosaver.touch();
    const second = autosaver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(releases).toHaveLength(1);
    releases.shift()?.();
    await vi.advanceTimersByTimeAsync(0);
    releases.shift()?.();
    await first;
    expect(await second).toBe(true);
    expect(save).toHaveBeenCalledTimes(2);
    expect(most).toBe(1);
  });

  it('keeps the work marked unsaved when a save fails', async () => {
    const autosaver = createAutosaver({ save: () => Promise.resolve(false) });
    autosaver.touch();
    expect(await autosaver.flush()).toBe(false);
    expect(autosaver.hasUnsavedWork()).toBe(true);
    autosaver.reset();
    expect(autosaver.hasUnsavedWork()).toBe(false);
  });
});
