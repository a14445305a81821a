/**
 * A small trustlint program in a temporary folder, for tests that need the
 * plugin to find a config, owners and CODEOWNERS above the files they lint.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const CONFIG = `program: Editor test
frameworks:
  soc2:
    categories: [security, availability]
paths:
  policies: ["policies/*.md"]
  controls: ["controls/*.yaml"]
  owners: owners.yaml
rules:
  required-sections: [warning, { sections: [Purpose, Scope, Enforcement] }]
  review-overdue: [warning, { graceDays: 30 }]
  unmapped: off
`;

export const OWNERS = `people:
  - id: alice
    name: Alice Example
    email: alice@example.com
    github: alice
    active: true
  - id: bob
    name: Bob Example
    email: bob@example.com
    github: bob
    active: false
  - id: carol
    name: Carol Example
    email: carol@example.com
    github: carol
    active: true
teams:
  - id: security
    name: Security
    members: [alice]
    github_team: example/security
`;

export const CODEOWNERS = `* @example/security
/controls/AC-02.yaml @carol
`;

/** A clean control, to change one line at a time. */
export const CONTROL = `id: AC-01
title: Access reviews
description: Quarterly review of who can reach production.
owner: security
status: implemented
frequency: quarterly
satisfies:
  soc2: [CC6.1, CC6.2]
`;

/** A clean policy, to change one line at a time. */
export const POLICY = `---
id: POL-AC
title: Access Control Policy
owner: security
approver: carol
version: "1.0"
effective: 2026-01-15
last_reviewed: 2026-01-15
review_cycle: 12
status: approved
satisfies:
  soc2: [CC6.1]
---

# Access Control Policy

## Purpose

Say why access is controlled.

## Scope

Every system that holds customer data.

## Enforcement

Access that breaks this policy is removed.
`;

/** Writes the program (config, owners, CODEOWNERS and any extra files) and returns its folder. */
export function makeProgram(extra: Readonly<Record<string, string>> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'trustlint-eslint-'));
  const files: Record<string, string> = { 'trustlint.config.yaml': CONFIG, 'owners.yaml': OWNERS, '.github/CODEOWNERS': CODEOWNERS, ...extra };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}
