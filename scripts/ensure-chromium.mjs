#!/usr/bin/env node
// Makes sure the browser that the HTML report's end-to-end test drives is
// installed: Debian's `chromium` package at /usr/bin/chromium.
//
// - When the browser is there (or TRUSTLINT_CHROMIUM names one that exists),
//   it does nothing.
// - Otherwise, when running as root on a machine with apt-get, it installs
//   the package (`apt-get update`, then `apt-get install -y
//   --no-install-recommends chromium`), each step bounded in time.
// - Otherwise it exits 1 and says how to install it.
//
// `npm test` runs it first (the `pretest` script) and so does `.ci/run`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const UPDATE_TIMEOUT_MS = 5 * 60_000;
const INSTALL_TIMEOUT_MS = 15 * 60_000;

function say(text) {
  process.stderr.write(`ensure-chromium: ${text}\n`);
}

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, command)));
}

function fail(text) {
  say(text);
  say(
    `The HTML report's end-to-end test needs Chromium. Install Debian's package as root (apt-get update && apt-get install -y --no-install-recommends chromium), ` +
      'or set TRUSTLINT_CHROMIUM to the path of a Chromium or Chrome executable, then run `npm test` again.',
  );
  process.exit(1);
}

/** Runs one apt-get step with its output shown; fails the script when it fails or takes too long. */
function aptGet(args, timeout) {
  const started = Date.now();
  say(`running apt-get ${args.join(' ')} (at most ${timeout / 60_000} minutes)`);
  const result = spawnSync('apt-get', args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.error?.code === 'ETIMEDOUT') fail(`apt-get ${args[0]} did not finish within ${timeout / 60_000} minutes and was stopped.`);
  if (result.error) fail(`apt-get ${args[0]} could not be run: ${result.error.message}.`);
  if (result.status !== 0) fail(`apt-get ${args[0]} failed (exit ${result.status ?? result.signal}) after ${seconds} s.`);
  say(`apt-get ${args[0]} done in ${seconds} s`);
}

const chosen = process.env.TRUSTLINT_CHROMIUM;
if (chosen !== undefined && chosen !== '') {
  if (existsSync(chosen)) process.exit(0);
  fail(`TRUSTLINT_CHROMIUM names ${chosen}, which does not exist.`);
}
if (existsSync(DEFAULT_CHROMIUM)) process.exit(0);

if (process.platform !== 'linux' || !onPath('apt-get')) fail(`${DEFAULT_CHROMIUM} is missing and this machine has no apt-get to install it with.`);
if (process.getuid?.() !== 0) fail(`${DEFAULT_CHROMIUM} is missing, and installing it with apt-get needs root.`);

say(`${DEFAULT_CHROMIUM} is missing; installing Debian's chromium package.`);
aptGet(['update'], UPDATE_TIMEOUT_MS);
aptGet(['install', '-y', '--no-install-recommends', 'chromium'], INSTALL_TIMEOUT_MS);
if (!existsSync(DEFAULT_CHROMIUM)) fail(`apt-get installed chromium, but ${DEFAULT_CHROMIUM} is still missing.`);
say(`installed ${DEFAULT_CHROMIUM}`);
