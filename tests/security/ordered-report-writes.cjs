'use strict';
/**
 * Loaded into the scanner's process with `node --require` (electronegativity.ts sets it up).
 *
 * Electronegativity 1.10.3 writes its CSV report with two `fs.writeFile` calls it does not chain:
 * the header (flag 'w'), then the findings appended (flag 'a'). Both run on libuv's thread pool,
 * and the findings usually land first (93 of 100 runs of the same two calls here): the header
 * then either truncates them away (a report that reads as "nothing found") or overwrites their
 * first line (a report that cannot be read: two clean-clone CI runs failed so). Writes to the
 * report named in LADDER_SCANNER_REPORT are made synchronous here, so they land in the order
 * they were asked for.
 */
const fs = require('node:fs');

const report = process.env.LADDER_SCANNER_REPORT;
const writeFile = fs.writeFile;

fs.writeFile = function orderedWriteFile(file, data, options, callback) {
  if (!report || file !== report) return writeFile.apply(this, arguments);
  const done = typeof options === 'function' ? options : callback;
  const writeOptions = typeof options === 'function' ? undefined : options;
  let failure = null;
  try {
    fs.writeFileSync(file, data, writeOptions);
  } catch (error) {
    failure = error;
  }
  if (typeof done === 'function') process.nextTick(done, failure);
};
