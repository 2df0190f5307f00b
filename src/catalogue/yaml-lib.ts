// The `yaml` package (full parse trees with positions), loaded when first needed: a clean catalogue is read by
// js-yaml alone, and positions are wanted only for findings. Loading it took about 45 ms of every start of validate
// and build, and of every parsing worker's. Its CommonJS build is required, so that callers stay synchronous.
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

const require = createRequire(import.meta.url);
let lib: typeof Yaml | undefined;

export function yamlLib(): typeof Yaml {
  lib ??= require('yaml') as typeof Yaml;
  return lib;
}
