// A seeded generator of realistic SOC 2 programs, for benchmarks and for tests
// that need more input than anyone would write by hand. The same options give
// the same files, byte for byte.
//
// Policies (about 280 lines of Markdown) have front matter, sections and
// subsections (ATX and Setext), hard-wrapped prose with emphasis and inline
// code, bullet, numbered and nested lists, tables, fenced code, quotes, HTML
// comments, inline links, autolinks, reference links and their definitions,
// images, links to other policies and their sections; some have Windows line
// endings. Controls (about 46 lines of YAML) come alone, in lists and in
// multi-document files, with inline evidence; some also have evidence logs.
// Owners, CODEOWNERS and a configuration complete the program. A sprinkling of
// the violations real programs have (unknown owners, stale reviews, broken
// links, "SOC 2 certified", unknown criteria) keeps every rule busy.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { soc2 } from '@trustlint/catalogs';

/** The three sizes the benchmark runs. */
export const SIZES = {
  small: { controls: 200, policies: 40 },
  medium: { controls: 2000, policies: 400 },
  large: { controls: 20000, policies: 4000 },
};

/** mulberry32: a small, fast, seeded PRNG. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CRITERIA = soc2.criteria.filter((criterion) => ['security', 'availability', 'confidentiality'].includes(criterion.category)).map((criterion) => criterion.id);
const FREQUENCIES = ['continuous', 'daily', 'weekly', 'monthly', 'quarterly', 'semiannual', 'annual', 'on-event'];
const WORDS = (
  'access review account approval asset audit backup change confidential control customer data deploy encryption evidence incident ' +
  'inventory key laptop log monitor network owner password patch policy privilege production record recovery risk role secret ' +
  'security service system ticket training vendor vulnerability quarterly annual employee contractor manager engineer team'
).split(' ');
const SECTIONS = ['Purpose', 'Scope', 'Policy', 'Roles and responsibilities', 'Exceptions', 'Enforcement'];
/** GitHub's anchors of the sections above. */
const ANCHORS = ['purpose', 'scope', 'policy', 'roles-and-responsibilities', 'exceptions', 'enforcement'];

/**
 * The files of a generated program, by path relative to its folder.
 * @param {{ controls: number, policies: number, seed?: number }} options
 * @returns {Map<string, string>}
 */
export function generateProgram({ controls, policies, seed = 1 }) {
  const next = random(seed);
  const chance = (p) => next() < p;
  const pick = (list) => list[Math.floor(next() * list.length)];
  const int = (low, high) => low + Math.floor(next() * (high - low + 1));
  const words = (count) => Array.from({ length: count }, () => pick(WORDS));
  const sentence = (count = int(8, 22)) => {
    const list = words(count);
    // Now and then a word is emphasised or written as code.
    if (count > 6 && chance(0.25)) list[2] = `*${list[2]}*`;
    if (count > 6 && chance(0.15)) list[4] = `**${list[4]}**`;
    if (count > 6 && chance(0.15)) list[5] = `\`${list[5]}\``;
    const text = list.join(' ');
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  };
  const title = (count) => {
    const text = words(count).join(' ');
    return `${text[0].toUpperCase()}${text.slice(1)}`;
  };
  /** Prose hard-wrapped near 90 columns, as policies usually are. */
  const wrap = (text, width = 90) => {
    const lines = [''];
    for (const word of text.split(' ')) {
      const last = lines.length - 1;
      if (lines[last] && (lines[last] + word).length > width) lines.push(word);
      else lines[last] = lines[last] ? `${lines[last]} ${word}` : word;
    }
    return lines.join('\n');
  };
  const paragraph = (extra = []) => wrap([...Array.from({ length: int(2, 4) }, () => sentence()), ...extra].join(' '));

  const files = new Map();
  const write = (path, text) => files.set(path, text);

  const people = Array.from({ length: Math.max(8, Math.ceil(controls / 40)) }, (_, index) => `person.${index}`);
  const teams = ['security', 'sre', 'engineering', 'it', 'people-ops', 'legal', 'finance'];
  write(
    'owners.yaml',
    [
      'people:',
      ...people.flatMap((id, index) => [
        `  - id: ${id}`,
        `    name: Person ${index}`,
        `    email: ${id}@example.com`,
        `    github: person-${index}`,
        `    active: ${index % 23 === 22 ? 'false' : 'true'}`,
      ]),
      'teams:',
      ...teams.flatMap((id, index) => [`  - id: ${id}`, `    members: [${people.filter((_, p) => p % teams.length === index).join(', ')}]`, `    github_team: acme/${id}`]),
      '',
    ].join('\n'),
  );
  write(
    'trustlint.config.yaml',
    [
      'program: Benchmark program',
      'frameworks:',
      '  soc2:',
      '    categories: [security, availability, confidentiality]',
      '    type: 2',
      'observation_period:',
      '  start: 2026-04-01',
      '  end: 2026-09-30',
      'paths:',
      '  policies: ["policies/**/*.md"]',
      '  codeowners: CODEOWNERS',
      '',
    ].join('\n'),
  );
  write(
    'CODEOWNERS',
    ['# Review routing for the program', '*                @acme/security', '/policies/       @acme/security @acme/legal', ...Array.from({ length: 20 }, (_, n) => `/controls/area-${n}/ @acme/${teams[n % teams.length]}`), ''].join('\n'),
  );
  write('policies/images/process.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n');

  /** Owners CODEOWNERS routes a folder to: its team, or now and then one of the team's members. */
  const ownerFor = (team) => {
    if (chance(0.01)) return chance(0.5) ? 'someone.unknown' : pick(people);
    const teamIndex = teams.indexOf(team);
    return chance(0.8) ? team : pick(people.filter((_, p) => p % teams.length === teamIndex));
  };
  const policyIds = Array.from({ length: policies }, (_, index) => `POL-${String(index).padStart(5, '0')}`);
  const policyLink = () => {
    const target = pick(policyIds);
    if (chance(0.02)) return `[the ${pick(WORDS)} policy](./${target}.md#${pick(WORDS)}-${pick(WORDS)})`;
    if (chance(0.01)) return `[the ${pick(WORDS)} policy](./${target.replace('POL', 'PLC')}.md)`;
    return chance(0.5) ? `[the ${pick(WORDS)} policy](./${target}.md)` : `[its ${pick(SECTIONS).toLowerCase()}](./${target}.md#${pick(ANCHORS)})`;
  };
  for (const id of policyIds) {
    const owner = ownerFor(chance(0.5) ? 'security' : 'legal');
    const mapped = Array.from({ length: int(2, 5) }, () => pick(CRITERIA));
    const definitions = [];
    const body = [];
    for (const [index, section] of SECTIONS.entries()) {
      if (chance(0.1)) body.push(section, '-'.repeat(section.length), '');
      else body.push(`## ${section}`, '', '');
      body.push(paragraph(chance(0.5) ? [`See ${policyLink()}.`] : []), '');
      for (let sub = 0; sub < int(1, 3); sub++) {
        body.push(`### ${title(3)}`, '', paragraph(), '');
        const shape = next();
        if (shape < 0.5) body.push(...Array.from({ length: int(3, 7) }, () => `- ${sentence()}`), '');
        else if (shape < 0.75) body.push(...Array.from({ length: int(3, 6) }, (_, n) => `${n + 1}. ${sentence()}`), '');
        else body.push(...Array.from({ length: int(2, 4) }, () => [`- ${sentence(6)}`, ...Array.from({ length: int(1, 3) }, () => `  - ${sentence()}`)]).flat(), '');
        if (chance(0.3)) {
          body.push('| what | who | when |', '| --- | --- | --- |', ...Array.from({ length: int(2, 5) }, () => `| ${pick(WORDS)} | ${pick(teams)} | ${pick(FREQUENCIES)} |`), '');
        }
        if (chance(0.4)) body.push(`See ${policyLink()} and the \`${pick(WORDS)}\` settings.`, '');
        if (chance(0.15)) body.push('```yaml', `${pick(WORDS)}:`, `  ${pick(WORDS)}: ${int(1, 90)}`, `  # ${sentence(5)}`, '```', '');
        if (chance(0.1)) body.push(`> **Note:** ${wrap(sentence(), 80).split('\n').join('\n> ')}`, '');
        if (chance(0.08)) body.push(`<!-- ${sentence(6)} -->`, '');
        if (chance(0.1)) {
          const label = `${pick(WORDS)}-${definitions.length}`;
          definitions.push(`[${label}]: https://wiki.example.com/${pick(WORDS)}/${int(1, 999)} "${title(2)}"`);
          body.push(wrap(`${sentence()} The [${pick(WORDS)} runbook][${label}] has the steps; questions go to <https://help.example.com/${pick(WORDS)}>.`), '');
        }
        if (chance(0.05)) body.push(`![${title(2)} process](./images/process.svg "${title(2)}")`, '');
      }
      if (index === 1 && chance(0.3)) body.push('The SOC 2 Type 2 report covers the services described here.', '');
    }
    if (chance(0.02)) body.push('We are SOC 2 certified since last year.', '');
    if (definitions.length > 0) body.push(...definitions, '');
    const reviewed = chance(0.05) ? '2024-05-01' : '2026-08-01';
    const front = [
      '---',
      `id: ${id}`,
      `title: ${title(3)} Policy`,
      `owner: ${owner}`,
      `approver: ${pick(people)}`,
      'version: "1.0"',
      'effective: 2026-01-15',
      `last_reviewed: ${reviewed}`,
      'review_cycle: 12',
      'status: approved',
      'satisfies:',
      `  soc2: [${mapped.join(', ')}]`,
      'revisions:',
      '  - version: "1.0"',
      '    date: 2026-01-15',
      '    summary: First version.',
      '---',
    ];
    const text = [...front, `# ${id}`, '', ...body].join('\n');
    write(`policies/${id}.md`, chance(0.05) ? text.replace(/\n/g, '\r\n') : text);
  }

  const controlText = (id, index, team) => {
    const frequency = pick(FREQUENCIES);
    const mapped = index < CRITERIA.length ? [CRITERIA[index]] : Array.from({ length: int(1, 3) }, () => pick(CRITERIA));
    if (chance(0.01)) mapped.push('CC6.10');
    return [
      `id: ${id}`,
      `title: ${title(4)}`,
      'description: >-',
      ...Array.from({ length: 8 }, () => `  ${sentence(int(6, 12))}`),
      `owner: ${ownerFor(team)}`,
      `status: ${chance(0.9) ? 'implemented' : pick(['planned', 'partially-implemented'])}`,
      `frequency: ${frequency}`,
      `automated: ${chance(0.3)}`,
      'satisfies:',
      `  soc2: [${mapped.join(', ')}]`,
      `policies: [${pick(policyIds)}]`,
      'evidence:',
      ...Array.from({ length: int(4, 7) }, (_, n) => [`  - date: 2026-0${4 + (n % 6)}-${String(int(10, 28))}`, `    summary: ${sentence()}`, `    link: https://tickets.example.com/SEC-${int(1000, 9999)}`]).flat(),
      'notes: >-',
      ...Array.from({ length: 3 }, () => `  ${sentence(int(6, 12))}`),
      '',
    ].join('\n');
  };
  const evidenceLog = (id) =>
    [
      `control: ${id}`,
      'records:',
      ...Array.from({ length: int(2, 6) }, () => [
        `  - date: 2026-0${int(4, 9)}-${String(int(10, 28))}`,
        '    summary: >-',
        `      ${wrap(sentence(), 70).split('\n').join('\n      ')}`,
        `    link: https://tickets.example.com/SEC-${int(1000, 9999)}`,
        `    collected_by: ${pick(people)}`,
      ]).flat(),
      '',
    ].join('\n');
  let written = 0;
  let folderIndex = 0;
  while (written < controls) {
    const areaIndex = folderIndex++ % 20;
    const area = `area-${areaIndex}`;
    const team = teams[areaIndex % teams.length];
    const shape = next();
    let ids;
    if (shape < 0.1 && controls - written >= 3) {
      ids = [0, 1, 2].map((n) => `CTL-${String(written + n).padStart(6, '0')}`);
      write(`controls/${area}/list-${written}.yaml`, ids.map((id, n) => `- ${controlText(id, written + n, team).trimEnd().split('\n').join('\n  ')}`).join('\n') + '\n');
    } else if (shape < 0.2 && controls - written >= 2) {
      ids = [0, 1].map((n) => `CTL-${String(written + n).padStart(6, '0')}`);
      write(`controls/${area}/pair-${written}.yaml`, ids.map((id, n) => controlText(id, written + n, team)).join('---\n'));
    } else {
      ids = [`CTL-${String(written).padStart(6, '0')}`];
      write(`controls/${area}/${ids[0]}.yaml`, controlText(ids[0], written, team));
    }
    for (const id of ids) if (chance(0.2)) write(`evidence/${id}.yaml`, evidenceLog(id));
    written += ids.length;
  }
  return files;
}

/**
 * Writes a generated program into `folder`, replacing what was there.
 * @param {string} folder
 * @param {{ controls: number, policies: number, seed?: number }} options
 * @returns {{ files: number, bytes: number }}
 */
export function writeProgram(folder, options) {
  const files = generateProgram(options);
  rmSync(folder, { recursive: true, force: true });
  let bytes = 0;
  for (const [path, text] of files) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
    bytes += Buffer.byteLength(text);
  }
  return { files: files.size, bytes };
}
