// Entry point for the esbuild bundle: @camunda/linting ships ESM without file extensions, which Node cannot load.
export { Linter } from '@camunda/linting/lib/Linter';
