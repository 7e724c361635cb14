#!/usr/bin/env node
'use strict';
// The `stratum` command; the TypeScript sources are compiled by `npm install` (root "prepare") or `npm run build`.
require('../dist/cli/main.js')
  .main(process.argv.slice(2))
  .then((code) => process.exit(code));
