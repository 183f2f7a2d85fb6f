/**
 * The trainer (`bot/index.ts`) with an on-demand CPU profiler, for `npm run bench -- --cpu-prof`:
 * the first SIGUSR2 starts V8's sampling profiler, the second stops it and writes the profile
 * to `BENCH_PROFILE_OUT`, logging `{"msg":"profile written"}`. So the profile covers the
 * measured load only — not start-up, model training or the warm-up call, which `node
 * --cpu-prof` would mix in.
 */
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';

const out = process.env.BENCH_PROFILE_OUT;
if (!out) throw new Error('BENCH_PROFILE_OUT must name the file to write the profile to');

const session = new Session();
session.connect();
let running = false;
process.on('SIGUSR2', () => {
  void (async () => {
    if (!running) {
      running = true;
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 500 });
      await session.post('Profiler.start');
      console.log(JSON.stringify({ level: 30, msg: 'profile started' }));
    } else {
      running = false;
      const { profile } = await session.post('Profiler.stop');
      await writeFile(out, JSON.stringify(profile));
      console.log(JSON.stringify({ level: 30, msg: 'profile written', path: out }));
    }
  })();
});

await import('../bot/index.js');
