// A floor of the start-up benchmark (startup.bench.ts): node with DuckDB and one query on the published analytics file.
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const analytics = path.join(process.env.OSL_DATA_DIR!, 'analytics');
const { file } = JSON.parse(fs.readFileSync(path.join(analytics, 'CURRENT.json'), 'utf8')) as { file: string };
const instance = await DuckDBInstance.create(path.join(analytics, file), { access_mode: 'READ_ONLY' });
const connection = await instance.connect();
await connection.runAndReadAll('SELECT count(*) FROM information_schema.tables');
connection.closeSync();
instance.closeSync();
