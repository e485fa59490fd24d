import { reply } from './child';
import { generateArchive } from './generate';
import { scenarios } from './scenarios';

/** `generateArchive` in a process of its own: its garbage would otherwise inflate the measured
 * memory and its collection pause the measured requests. Arguments: dataDir entries seed. */
const [dataDir = '', entries = '', seed = ''] = process.argv.slice(2);
const generated = await generateArchive({ dataDir, entries: Number(entries), seed: Number(seed), scenarios, log: (line) => console.error(line) });
await reply(generated);
process.disconnect();
