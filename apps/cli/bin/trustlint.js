#!/usr/bin/env node
// The `trustlint` command: runs the bundled CLI.
import('../dist/trustlint.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('trustlint.js')) {
    process.stderr.write('trustlint is not built yet: run `npm run build` in the trustlint repository first.\n');
  } else {
    process.stderr.write(`trustlint could not start: ${error && error.stack ? error.stack : error}\n`);
  }
  process.exitCode = 2;
});
