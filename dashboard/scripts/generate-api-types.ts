// Writes dashboard/src/lib/api/openapi.d.ts from the backend's OpenAPI document. Runs at install and
// before every build, dev server and typecheck, so the types cannot be stale; the file is not committed.
import fs from 'node:fs';
import { describeApi } from '@osl/backend';
import { apiTypesFile, apiTypesSource } from './api-types.ts';

const source = await apiTypesSource(await describeApi());
const current = fs.existsSync(apiTypesFile) ? fs.readFileSync(apiTypesFile, 'utf8') : null;
// An unchanged file is left alone, so a running dev server does not reload for nothing.
if (current !== source) fs.writeFileSync(apiTypesFile, source);
