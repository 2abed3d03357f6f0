// The dashboard's API types, generated from the API's OpenAPI document (openapi-typescript).
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

export const apiTypesFile = new URL('../src/lib/api/openapi.d.ts', import.meta.url);

export async function apiTypesSource(document: object): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], {
    // Files sent in a form are Blobs (File objects) in the browser, not strings.
    transform: (schema) => (schema.format === 'binary' ? ts.factory.createTypeReferenceNode('Blob') : undefined),
  });
  return `// Generated from the API's OpenAPI document (GET /api/docs-json) at install, build and typecheck. Do not edit:\n// the shapes are written in each route's contract, backend/src/controllers/<name>.contract.ts.\n\n${astToString(ast)}`;
}
