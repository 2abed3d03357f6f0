// npm run api:generate — rewrites dashboard/src/lib/api/openapi.d.ts from the backend's OpenAPI document.
import fs from 'node:fs';
import { describeApi } from '@osl/backend';
import { apiTypesFile, apiTypesSource } from './api-types.ts';

fs.writeFileSync(apiTypesFile, await apiTypesSource(await describeApi()));
process.stdout.write(`wrote ${apiTypesFile.pathname}\n`);
