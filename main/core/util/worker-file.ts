import path from 'node:path';

/**
 * The URL of a worker module that sits next to the module at `fromUrl` under the same
 * extension: `name.worker.ts` from source, `.mjs` beside the CLI bundle (out/cli), `.js`
 * beside the Electron main bundle (out/main); both builds list each worker as an entry
 * (package.json `build:cli`, electron.vite.config.ts). Built at run time, not a literal in
 * `new URL`, so bundlers leave it alone.
 */
export function siblingWorkerUrl(name: string, fromUrl: string): URL {
  return new URL(`./${name}.worker${path.extname(new URL(fromUrl).pathname)}`, fromUrl);
}

/**
 * From source (tests, bench, `npm run cli`) a worker is TypeScript with extensionless
 * imports, which Node's own type stripping cannot resolve: load it through tsx, as the
 * parent was (vitest transforms modules in-process, so its workers need the flag added).
 */
export function workerExecArgv(fromUrl: string): string[] | undefined {
  if (!fromUrl.endsWith('.ts')) return undefined;
  return process.execArgv.some((a) => a.includes('tsx')) ? process.execArgv : [...process.execArgv, '--import', 'tsx'];
}
