/**
 * Ladder's own crew prompts (migration 0003) that fit only some moments of a crew's life.
 * The Ladder home and a crew's prep both leave out those that do not fit yet.
 */

/** "If I called a crew…": fits before a crew exists, not a crew that already meets. */
export const callingPromptId = '00000000-0000-7000-8001-000000000301';

/**
 * The 4th, 5th, 7th, 8th and 9th ("While I listened today…", "Has hosting moved around the
 * circle?", "Looking back…", "How did I show up…", "What has this crew given me…") look back on
 * meetings held: before a first meeting there is nothing to look back on.
 */
export const lookingBackPromptIds = ['304', '305', '307', '308', '309'].map((n) => `00000000-0000-7000-8001-000000000${n}`);
