export { SourceFile, type Position, type Range, type Span } from './source-file.js';
export {
  parseYaml,
  DEFAULT_MAX_ALIASES,
  DEFAULT_MAX_DEPTH,
  type YamlAlias,
  type YamlDocument,
  type YamlDuplicateKey,
  type YamlError,
  type YamlMap,
  type YamlNode,
  type YamlPair,
  type YamlParseOptions,
  type YamlParseResult,
  type YamlScalar,
  type YamlSeq,
} from './yaml.js';
export {
  formatPath,
  lookupPath,
  nodeAtPath,
  pairOf,
  parsePath,
  pointerToPath,
  spanForPath,
  type DataPath,
  type PathLookup,
  type PathSegment,
} from './yaml-path.js';
export { findFrontMatter, type FrontMatter, type FrontMatterKind, type FrontMatterMode } from './front-matter.js';
export { parseMarkdown } from './markdown.js';
export { outlineMarkdown, outlineOfTree, type MarkdownOutline, type OutlineHeading, type OutlineLink } from './markdown-outline.js';
