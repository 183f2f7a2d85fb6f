/**
 * Durable writes on worker threads (fsAtomic's writeFileAtomic and appendFileDurable): the
 * content lands whole with owner-only permissions, file-system errors keep their code, many
 * writes at once all land, and a process that has written exits by itself.
 */
import { describe, it, expect, afterEach } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DurableWriter, DurableWriteError } from '../../../bot/storage/durableWriter.js';
import { appendFileDurable, isNotFound, writeFileAtomic } from '../../../bot/storage/fsAtomic.js';
import { makeTempDir } from './tempDir.js';

let tmp: Awaited<ReturnType<typeof makeTempDir>> | undefined;
afterEach(async () => {
  await tmp?.remove();
  tmp = undefined;
});

describe('durable writes on worker threads', () => {
  it('replaces a file whole, owner-only, leaving no temporary file', async () => {
    tmp = await makeTempDir('oct-writer-');
    const path = join(tmp.dir, 'state.json');
    await writeFile(path, '{"old":true}');
    await writeFileAtomic(path, '{"new":"✓ £965.52"}');
    expect(await readFile(path, 'utf8')).toBe('{"new":"✓ £965.52"}');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(tmp.dir)).toEqual(['state.json']);
  });

  it('appends, creating the file unless told not to; a missing file or folder keeps its ENOENT', async () => {
    tmp = await makeTempDir('oct-writer-');
    const path = join(tmp.dir, 'transcript.jsonl');
    await appendFileDurable(path, 'one\n');
    await appendFileDurable(path, 'two\n', { create: false });
    expect(await readFile(path, 'utf8')).toBe('one\ntwo\n');

    const missing = appendFileDurable(join(tmp.dir, 'gone.jsonl'), 'x\n', { create: false });
    await expect(missing).rejects.toBeInstanceOf(DurableWriteError);
    expect(isNotFound(await missing.catch((e: unknown) => e))).toBe(true);
    const noFolder = writeFileAtomic(join(tmp.dir, 'no-such-folder', 'state.json'), '{}');
    await expect(noFolder).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await readdir(tmp.dir)).sort()).toEqual(['transcript.jsonl']);
  });

  it('lands many writes at once, each file in its own order', async () => {
    tmp = await makeTempDir('oct-writer-');
    const dir = tmp.dir;
    await Promise.all(
      Array.from({ length: 16 }, async (_, i) => {
        for (let n = 0; n < 10; n++) await appendFileDurable(join(dir, `t${i}.jsonl`), `${n}\n`);
        await writeFileAtomic(join(dir, `s${i}.json`), JSON.stringify({ i }));
      }),
    );
    for (let i = 0; i < 16; i++) {
      expect(await readFile(join(dir, `t${i}.jsonl`), 'utf8')).toBe('0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n');
      expect(JSON.parse(await readFile(join(dir, `s${i}.json`), 'utf8'))).toEqual({ i });
    }
  });

  it('starts its threads again when used after close', async () => {
    tmp = await makeTempDir('oct-writer-');
    const writer = new DurableWriter(1);
    await writer.append(join(tmp.dir, 'a'), 'x', true, 0o600);
    await writer.close();
    await writer.append(join(tmp.dir, 'a'), 'y', true, 0o600); // starts a thread again
    await writer.close();
    expect(await readFile(join(tmp.dir, 'a'), 'utf8')).toBe('xy');
  });

  it('does not keep a process alive once its writes are done', async () => {
    tmp = await makeTempDir('oct-writer-');
    const fsAtomic = fileURLToPath(new URL('../../../bot/storage/fsAtomic.ts', import.meta.url));
    const script = `const { writeFileAtomic } = await import(${JSON.stringify(fsAtomic)}); await writeFileAtomic(${JSON.stringify(join(tmp.dir, 'f.json'))}, '{"done":1}');`;
    const exit = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'ignore', cwd: fileURLToPath(new URL('../../../', import.meta.url)) });
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error('the process did not exit'));
      }, 20_000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    expect(exit).toBe(0);
    expect(await readFile(join(tmp.dir, 'f.json'), 'utf8')).toBe('{"done":1}');
  }, 30_000);
});
