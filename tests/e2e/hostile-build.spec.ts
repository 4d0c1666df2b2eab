import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';

// The real release build (`trunk build --release`, whose hook runs the content build)
// of a content folder an attacker wrote: tests/hostile/rejected, plus what git cannot
// hold portably (symbolic links out of the folder, a file over the size limit). Not a
// browser test: it runs once, in whichever engine's project comes first.
//
// The build must fail, name every problem at its file, line and column, read nothing
// from outside the content folder, and write nothing.

type Outcome = { status: number | null; log: string; work: string; canary: string };
let outcome: Outcome;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-hostile-build-'));
  const content = path.join(work, 'content');
  fs.cpSync('tests/hostile/rejected', content, { recursive: true });
  fs.symlinkSync('/proc/self/environ', path.join(content, 'releases', 'environ.md'));
  fs.symlinkSync('/etc/hostname', path.join(content, 'media', 'hostname.png'));
  fs.writeFileSync(
    path.join(content, 'releases', 'symlinked-image.md'),
    '+++\ntitle = "Symlinked image"\ndate = 2026-11-20T10:00:00Z\ndateline = "Geneva"\nsummary = "S."\n+++\n\n![The host name](media/hostname.png)\n',
  );
  fs.writeFileSync(
    path.join(content, 'releases', 'huge.md'),
    '+++\ntitle = "Huge"\ndate = 2026-11-20T10:00:00Z\ndateline = "Geneva"\nsummary = "S."\n+++\n\n' + `${'A'.repeat(100)}\n\n`.repeat(12_000),
  );
  // A secret in the build's environment, as CI has: /proc/self/environ would hold it.
  const canary = `newsroom-canary-${randomBytes(12).toString('hex')}`;
  const build = spawnSync('trunk', ['build', '--release', '--dist', path.join(work, 'dist')], {
    env: { ...process.env, NEWSROOM_CONTENT: content, NEWSROOM_CANARY: canary },
    encoding: 'utf8',
    timeout: 280_000,
  });
  outcome = { status: build.status, log: `${build.stdout}\n${build.stderr}`, work, canary };
});

test.afterAll(() => {
  if (outcome) fs.rmSync(outcome.work, { recursive: true, force: true });
});

/** Where each problem must be reported: file (relative to the content folder), line, column, and what the message says. */
const EXPECTED: [string, number, number, string][] = [
  ['site.toml', 6, 12, '`language` `en"><script>'],
  ['site.toml', 7, 16, '`images.example.org/path`, which is not a plain host name'],
  ['site.toml', 12, 9, '`email` is not one plain e-mail address'],
  ['site.toml', 13, 9, '`phone` is not a telephone number'],
  ['site.toml', 16, 6, '`id` names the campaign'],
  ['site.toml', 20, 14, '`action_url` is the donation page, which must start with https://'],
  ['releases/deep-nesting.md', 8, 5, 'quotes and lists are nested more than 4 levels deep'],
  ['releases/deep-nesting.md', 10, 17, 'nested more than 8 levels deep'],
  ['releases/disguised-links.md', 8, 1, 'the link target `/\\evil.example/` contains a backslash'],
  ['releases/disguised-links.md', 10, 1, 'the link target `/\\t/evil.example/` contains a tab'],
  ['releases/disguised-links.md', 12, 1, 'the link target `/\\t/evil.example/` contains a tab'],
  ['releases/disguised-links.md', 14, 1, 'the link target `//evil.example/` starts with `//`'],
  ['releases/disguised-links.md', 16, 1, 'the link target `JaVa\\tScript:window.pwned=1` contains a tab'],
  ['releases/disguised-links.md', 18, 1, 'is not one plain e-mail address'],
  ['releases/front-matter-and-body.md', 7, 1, 'unknown field `colour`'],
  ['releases/front-matter-and-body.md', 10, 1, 'raw HTML is not allowed'],
  ['releases/media-escapes.md', 8, 1, 'the image `media//etc/hostname` has an empty part'],
  ['releases/media-escapes.md', 10, 1, 'the image `media//proc/self/environ` has an empty part'],
  ['releases/media-escapes.md', 12, 1, 'the image `media/../site.toml` has a part starting with `.`'],
  ['releases/media-escapes.md', 14, 1, 'the image `media/notes.txt` is not an image file'],
  ['releases/off-site-image.md', 7, 7, 'is on a host not listed in `image_hosts`'],
  ['releases/word-paste.md', 8, 14, 'a vertical tab (U+000B)'],
  ['releases/links-unpublished.md', 8, 5, 'leads to a release that is a draft'],
  ['releases/links-unpublished.md', 8, 46, 'leads to a release that is embargoed until 2999-01-01'],
  ['releases/scripted-drawing.md', 10, 1, 'scripted.svg:1:61: the attribute `onload` runs code'],
  ['releases/scripted-drawing.md', 10, 1, 'scripted.svg:2:3: the SVG has a `<script>` element'],
  ['releases/environ.md', 1, 1, 'this is a symbolic link'],
  ['releases/symlinked-image.md', 8, 1, '`media/hostname.png` is a symbolic link that leads outside content/media/'],
  ['releases/huge.md', 1, 1, 'at most 1.0 MB are allowed here'],
];

test('a hostile content folder fails the release build, with every problem at its file, line and column', { tag: '@no-browser' }, () => {
  expect(outcome.status, outcome.log).not.toBe(0);
  const errors = outcome.log.split('\n').filter((line) => line.includes(': error: '));
  for (const [file, line, column, gist] of EXPECTED) {
    const place = `${path.join(outcome.work, 'content', file)}:${line}:${column}: error: `;
    expect.soft(errors.some((error) => error.startsWith(place) && error.includes(gist)), `${place}… ${gist}\n\n${errors.join('\n')}`).toBe(true);
  }
  expect(outcome.log).toContain(`content-build: ${EXPECTED.length} problem(s) found; nothing was written`);
});

test('nothing from outside the content folder reaches the log or the output', { tag: '@no-browser' }, () => {
  expect(outcome.log).not.toContain(outcome.canary);
  const written: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) written.push(full);
    }
  };
  walk(outcome.work);
  for (const file of written) {
    expect(fs.readFileSync(file, 'latin1').includes(outcome.canary), file).toBe(false);
  }
});

test('a failed build publishes nothing: no page, no data, no media', { tag: '@no-browser' }, () => {
  const dist = path.join(outcome.work, 'dist');
  for (const output of ['index.html', 'data', 'media', 'releases', 'feed.xml']) {
    expect(fs.existsSync(path.join(dist, output)), output).toBe(false);
  }
});
