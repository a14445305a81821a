/**
 * Files that cannot be read or parsed: YAML and front matter syntax, duplicate
 * keys, encodings, sizes and links. Each is reported where it happens.
 */
import type { FileProblem } from '@trustlint/model';
import { createRule } from '../create-rule.js';

export type Options = Record<string, never>;
export type MessageIds = FileProblem['code'];

export const rule = createRule<MessageIds, Options>({
  name: 'syntax',
  meta: {
    type: 'problem',
    docs: {
      description: 'Report files that cannot be read or parsed: YAML and front matter syntax errors, duplicate keys, encodings and size limits.',
      category: 'syntax',
    },
    messages: {
      'yaml-syntax': 'YAML syntax error: {{reason}}.',
      'duplicate-key': 'Duplicate key `{{key}}`: already defined at line {{line}}, and the later value would silently replace it; expected each key once.',
      'unclosed-front-matter': 'Front matter opened with `---` on line 1 never closes; expected a closing `---` line after the YAML.',
      'toml-front-matter': 'TOML front matter (`+++`) is not supported; expected YAML front matter between `---` lines.',
      'missing-front-matter':
        'No front matter found; expected YAML between `---` lines at the top of the policy (id, title, owner, approver, version, effective, last_reviewed, status, satisfies), or exclude this file in `paths.ignore`.',
      'empty-front-matter': 'Front matter is empty; expected the policy\'s metadata (id, title, owner, approver, version, effective, last_reviewed, status, satisfies) between the `---` lines.',
      'multiple-documents': 'Unexpected second YAML document; expected this file to hold one document.',
      'not-a-mapping': 'Expected a mapping of keys to values, found {{found}}.',
      'too-large': 'File is {{size}} bytes, over the limit of {{limit}} bytes, and was not read; raise `limits.max_file_size` in the config if it is meant to be this large.',
      binary: 'File holds a NUL byte (binary content) and was not read; expected UTF-8 text.',
      utf16: 'File is encoded as UTF-16 and was not read; expected UTF-8 (save it as UTF-8).',
      'invalid-utf8': 'Invalid UTF-8 byte sequence here; the file was not read; expected UTF-8 text.',
      unreadable: 'File could not be read ({{reason}}); nothing in it was checked.',
      'symlink-outside': 'Symbolic link points outside the repository (to {{target}}) and was not followed.',
      'linked-folder':
        'Symbolic link to the folder {{target}}, which trustlint does not follow, so none of its files were checked; expected the files themselves here, or a glob in `paths` that names the folder where it is (or this link in `paths.ignore`).',
      'not-a-file': 'Expected a regular file; this path is something else and was not read.',
    },
    schema: undefined,
    defaultOptions: {},
    severity: 'error',
    scope: 'file',
  },
  create(context) {
    return {
      file({ file, problems }) {
        for (const problem of problems) {
          const at = { file, span: problem.span };
          switch (problem.code) {
            case 'yaml-syntax':
              context.report({ messageId: problem.code, data: { reason: problem.reason }, at });
              break;
            case 'duplicate-key':
              context.report({
                messageId: problem.code,
                data: { key: problem.key, line: file.positionAt(problem.first.start).line },
                at,
                related: [{ at: { file, span: problem.first }, message: `First definition of \`${problem.key}\`.` }],
              });
              break;
            case 'not-a-mapping':
              context.report({ messageId: problem.code, data: { found: problem.found }, at });
              break;
            case 'too-large':
              context.report({ messageId: problem.code, data: { size: problem.size, limit: problem.limit }, at });
              break;
            case 'unreadable':
              context.report({ messageId: problem.code, data: { reason: problem.reason }, at });
              break;
            case 'symlink-outside':
            case 'linked-folder':
              context.report({ messageId: problem.code, data: { target: problem.target }, at });
              break;
            default:
              context.report({ messageId: problem.code, at });
          }
        }
      },
    };
  },
});
