import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capabilityNames, NameError, singular } from './names';
import { registerCapability, scaffoldCapability, scaffoldProduct } from './scaffold';

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'halooid-scaffold-unit-'));
  mkdirSync(path.join(root, 'functions', 'taskodex', 'tasks'), { recursive: true });
  writeFileSync(
    path.join(root, 'functions', 'taskodex', 'tasks', 'service.ts'),
    "routes: [defineRoute({ operationId: 'listTasks' })]",
  );
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

describe('names', () => {
  it('derives singular resources the way the templates spell them', () => {
    expect(['notes', 'time-entries', 'boxes', 'status', 'inventory'].map(singular)).toEqual([
      'note',
      'time-entry',
      'box',
      'status',
      'inventory',
    ]);
    expect(capabilityNames('zz-demo', 'time-entries')).toMatchObject({
      schema: 'zz_demo',
      camel: 'timeEntries',
      resource: 'time-entry',
      aResource: 'a time entry',
      Entity: 'TimeEntry',
      entity: 'timeEntry',
      Plural: 'TimeEntries',
      table: 'time_entries',
    });
    expect(capabilityNames('zz-demo', 'items').aResource).toBe('an item');
    // A name whose singular is itself still gets distinct operation ids.
    expect(capabilityNames('zz-demo', 'status').Plural).toBe('StatusList');
  });

  it.each([
    ['Bad_Name', 'kebab-case'],
    ['-lead', 'kebab-case'],
    ['double--hyphen', 'kebab-case'],
    ['9lives', 'kebab-case'],
    ['platform', 'reserved'],
    ['scripts', 'reserved'],
    ['a-very-long-product-name-indeed', 'longer than'],
  ])('refuses the product name %s (%s)', (name, reason) => {
    expect(() => scaffoldProduct(root, name)).toThrow(NameError);
    expect(() => scaffoldProduct(root, name)).toThrow(reason);
  });
});

describe('scaffoldProduct', () => {
  it('writes the product, its domain, its first capability and a first migration', () => {
    const result = scaffoldProduct(root, 'zz-demo');

    expect(result.written).toEqual([
      'functions/zz-demo/product.ts',
      'functions/zz-demo/events.ts',
      'functions/zz-demo/domain/README.md',
      'functions/zz-demo/widgets/schemas.ts',
      'functions/zz-demo/widgets/service.ts',
      'functions/zz-demo/widgets/handler.ts',
      'functions/zz-demo/widgets/repository.ts',
      'functions/zz-demo/widgets/list-widgets.ts',
      'functions/zz-demo/widgets/create-widget.ts',
      'functions/zz-demo/widgets/get-widget.ts',
      'functions/zz-demo/widgets/widgets.test.ts',
      'functions/zz-demo/widgets/widgets.int.test.ts',
      'functions/zz-demo/migrations/0001_widgets.sql',
    ]);
    expect(read('functions/zz-demo/product.ts')).toContain('export const zzDemoProduct = defineProduct({');
    expect(read('functions/zz-demo/product.ts')).toContain('capabilities: [widgetsService]');
  });

  it('writes the tenant-table pattern: tenant-leading key, forced RLS, the tenant policy, grants to halooid_app', () => {
    scaffoldProduct(root, 'zz-demo');
    const sql = read('functions/zz-demo/migrations/0001_widgets.sql');

    expect(sql).toContain('create schema if not exists zz_demo;');
    expect(sql).toContain('grant usage on schema zz_demo to halooid_app;');
    expect(sql).toContain('primary key (tenant_id, id)');
    expect(sql).toMatch(/create index \w+ on zz_demo\.widgets \(tenant_id,/);
    expect(sql).toContain('alter table zz_demo.widgets enable row level security;');
    expect(sql).toContain('alter table zz_demo.widgets force row level security;');
    expect(sql).toContain(
      'using (tenant_id = platform.current_tenant_id())\n  with check (tenant_id = platform.current_tenant_id());',
    );
    expect(sql).toContain('to halooid_app;');
  });

  it('refuses a product that exists or an operation id another capability has, writing nothing', () => {
    scaffoldProduct(root, 'zz-demo');

    expect(() => scaffoldProduct(root, 'zz-demo')).toThrow('already exists');
    expect(() => scaffoldProduct(root, 'other', { capability: 'tasks' })).toThrow('listTasks');
    expect(() => read('functions/other/product.ts')).toThrow();
  });
});

describe('scaffoldCapability', () => {
  it('adds a capability, the next migration and one line in its product.ts', () => {
    scaffoldProduct(root, 'zz-demo');

    const result = scaffoldCapability(root, 'zz-demo', 'time-entries');

    expect(result.changed).toEqual(['functions/zz-demo/product.ts']);
    expect(result.written).toContain('functions/zz-demo/migrations/0002_time_entries.sql');
    expect(result.written).toContain('functions/zz-demo/time-entries/create-time-entry.ts');
    expect(read('functions/zz-demo/product.ts')).toContain(
      'capabilities: [widgetsService, timeEntriesService]',
    );
    expect(read('functions/zz-demo/product.ts')).toContain(
      "import { timeEntriesService } from './time-entries/service';",
    );
  });

  it('refuses a missing product, an existing or a reserved capability', () => {
    scaffoldProduct(root, 'zz-demo');

    expect(() => scaffoldCapability(root, 'nope', 'things')).toThrow('create the product first');
    expect(() => scaffoldCapability(root, 'zz-demo', 'widgets')).toThrow('already exists');
    expect(() => scaffoldCapability(root, 'zz-demo', 'domain')).toThrow('reserved');
  });
});

describe('registerCapability', () => {
  const names = capabilityNames('taskodex', 'labels');

  it('appends to a multi-line list and adds the import after the last one', () => {
    const source = [
      "import { defineProduct } from '@halooid/shared/product';",
      "import { tasksService } from './tasks/service';",
      '',
      'export const taskodexProduct = defineProduct({',
      '  capabilities: [',
      '    tasksService,',
      '  ],',
      '});',
      '',
    ].join('\n');

    const result = registerCapability(source, names);

    expect(result).toContain(
      "import { tasksService } from './tasks/service';\nimport { labelsService } from './labels/service';\n",
    );
    expect(result).toContain('    tasksService, labelsService]');
  });

  it('says so when product.ts has no capabilities list', () => {
    expect(() => registerCapability('export const x = 1;\n', names)).toThrow('no `capabilities: [...]` list');
  });
});
