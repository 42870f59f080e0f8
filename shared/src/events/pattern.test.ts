import { describe, expect, it } from 'vitest';
import { matchesPattern, validatePattern } from './pattern';

// Cases from the EventBridge user guide ("Event patterns", "Content filtering",
// "Arrays in event patterns"): the same patterns and sample events.
const ec2Event = {
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '111122223333',
  time: '2017-12-22T18:43:48Z',
  region: 'us-west-1',
  resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0'],
  detail: {
    'instance-id': 'i-1234567890abcdef0',
    state: 'terminated',
    'c-count': 5,
    'd-count': 3,
    'x-limit': 301.8,
    sourceIPAddress: '10.0.0.123',
    FileName: 'image.png',
    service: 'EventBridge',
    responseElements: null,
    location: 'us-east-1',
  },
};

const match = (pattern: Record<string, unknown>, event: unknown = ec2Event) => {
  expect(validatePattern(pattern)).toEqual([]);
  return matchesPattern(pattern, event);
};

describe('EventBridge pattern semantics on the local bus', () => {
  it('exact values: every listed field must match, case-sensitively', () => {
    expect(
      match({
        source: ['aws.ec2'],
        'detail-type': ['EC2 Instance State-change Notification'],
        detail: { state: ['terminated'] },
      }),
    ).toBe(true);
    expect(match({ source: ['AWS.EC2'] })).toBe(false);
    expect(match({ detail: { state: ['running'] } })).toBe(false);
    expect(match({ detail: { missing: ['x'] } })).toBe(false);
  });

  it('arrays: values of a key are OR; an event array matches on a non-empty intersection', () => {
    expect(match({ source: ['aws.ec2', 'aws.fargate'] })).toBe(true);
    expect(match({ source: ['aws.s3', 'aws.fargate'] })).toBe(false);
    expect(
      match({
        resources: [
          'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
          'arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0',
        ],
      }),
    ).toBe(true);
    expect(match({ resources: ['arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f'] })).toBe(false);
  });

  it('null and empty-string values match only themselves', () => {
    expect(match({ detail: { responseElements: [null] } })).toBe(true);
    expect(match({ detail: { state: [null] } })).toBe(false);
    expect(match({ detail: { blank: [''] } }, { detail: { blank: '' } })).toBe(true);
    expect(match({ detail: { blank: [''] } }, { detail: { blank: 'x' } })).toBe(false);
  });

  it('prefix, also ignoring case', () => {
    expect(match({ time: [{ prefix: '2017-12-22' }] })).toBe(true);
    expect(match({ time: [{ prefix: '2017-10-02' }] })).toBe(false);
    expect(match({ detail: { service: [{ prefix: { 'equals-ignore-case': 'eventb' } }] } })).toBe(true);
    expect(match({ detail: { service: [{ prefix: 'eventb' }] } })).toBe(false);
    expect(match({ detail: { 'c-count': [{ prefix: '5' }] } })).toBe(false);
  });

  it('suffix, also ignoring case', () => {
    expect(match({ detail: { FileName: [{ suffix: '.png' }] } })).toBe(true);
    expect(match({ detail: { FileName: [{ suffix: '.txt' }] } })).toBe(false);
    expect(match({ detail: { FileName: [{ suffix: { 'equals-ignore-case': '.PNG' } }] } })).toBe(true);
  });

  it('equals-ignore-case and wildcard', () => {
    expect(
      match({ 'detail-type': [{ 'equals-ignore-case': 'ec2 instance state-change notification' }] }),
    ).toBe(true);
    expect(match({ detail: { FileName: [{ wildcard: 'im*.png' }] } })).toBe(true);
    expect(match({ detail: { FileName: [{ wildcard: '*.jpg' }] } })).toBe(false);
  });

  it('anything-but: a string, a number, a list, a prefix, a suffix, ignoring case', () => {
    expect(match({ detail: { state: [{ 'anything-but': 'initializing' }] } })).toBe(true);
    expect(match({ detail: { state: [{ 'anything-but': 'terminated' }] } })).toBe(false);
    expect(match({ detail: { 'x-limit': [{ 'anything-but': 123 }] } })).toBe(true);
    expect(match({ detail: { 'c-count': [{ 'anything-but': 5 }] } })).toBe(false);
    expect(match({ detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } })).toBe(true);
    expect(match({ detail: { state: [{ 'anything-but': ['stopped', 'terminated'] }] } })).toBe(false);
    expect(match({ detail: { 'c-count': [{ 'anything-but': [100, 200, 300] }] } })).toBe(true);
    expect(match({ detail: { state: [{ 'anything-but': { prefix: 'init' } }] } })).toBe(true);
    expect(match({ detail: { state: [{ 'anything-but': { prefix: 'term' } }] } })).toBe(false);
    expect(match({ detail: { FileName: [{ 'anything-but': { suffix: '.txt' } }] } })).toBe(true);
    expect(match({ detail: { FileName: [{ 'anything-but': { suffix: '.png' } }] } })).toBe(false);
    expect(match({ detail: { state: [{ 'anything-but': { 'equals-ignore-case': 'TERMINATED' } }] } })).toBe(
      false,
    );
    // A missing field is not "anything but": the field must exist.
    expect(match({ detail: { missing: [{ 'anything-but': 'x' }] } })).toBe(false);
  });

  it('numeric ranges, with the guide’s example', () => {
    expect(
      match({
        detail: {
          'c-count': [{ numeric: ['>', 0, '<=', 5] }],
          'd-count': [{ numeric: ['<', 10] }],
          'x-limit': [{ numeric: ['=', 3.018e2] }],
        },
      }),
    ).toBe(true);
    expect(match({ detail: { 'c-count': [{ numeric: ['>', 5] }] } })).toBe(false);
    expect(match({ detail: { 'c-count': [{ numeric: ['>=', 5, '<', 6] }] } })).toBe(true);
    expect(match({ detail: { state: [{ numeric: ['>', 0] }] } })).toBe(false);
  });

  it('exists true and false (leaf nodes)', () => {
    expect(match({ detail: { 'c-count': [{ exists: true }] } })).toBe(true);
    expect(match({ detail: { 'c-count': [{ exists: false }] } })).toBe(false);
    expect(match({ detail: { 'no-such-field': [{ exists: false }] } })).toBe(true);
    expect(match({ detail: { 'no-such-field': [{ exists: true }] } })).toBe(false);
  });

  it('cidr (IPv4) and $or', () => {
    expect(match({ detail: { sourceIPAddress: [{ cidr: '10.0.0.0/24' }] } })).toBe(true);
    expect(match({ detail: { sourceIPAddress: [{ cidr: '10.0.1.0/24' }] } })).toBe(false);
    expect(
      match({
        detail: {
          $or: [{ 'c-count': [{ numeric: ['>', 10] }] }, { 'd-count': [{ numeric: ['<', 10] }] }],
        },
      }),
    ).toBe(true);
    expect(
      match({ detail: { $or: [{ 'c-count': [{ numeric: ['>', 10] }] }, { state: ['running'] }] } }),
    ).toBe(false);
  });

  it('nested objects must be objects in the event', () => {
    expect(match({ detail: { state: { nested: ['x'] } } })).toBe(false);
    expect(match({ detail: { location: [{ prefix: 'us-' }] } })).toBe(true);
  });

  it('matches the platform subscriptions against a Taskodex event', () => {
    const busEvent = {
      source: 'halooid.taskodex',
      'detail-type': 'task.assigned',
      detail: { data: { assigneeId: '0190f0e0-0000-7000-8000-000000000001' } },
    };
    expect(match({ source: [{ prefix: 'halooid.' }] }, busEvent)).toBe(true);
    expect(
      match(
        {
          source: ['halooid.taskodex'],
          'detail-type': ['task.assigned'],
          detail: { data: { assigneeId: [{ exists: true }] } },
        },
        busEvent,
      ),
    ).toBe(true);
    expect(match({ source: ['halooid.taskodex'], 'detail-type': ['task.created'] }, busEvent)).toBe(false);
  });

  it('rejects malformed patterns', () => {
    expect(validatePattern({ source: 'aws.ec2' })).toEqual(['source: values must be in an array']);
    expect(validatePattern({ source: [{ begins: 'x' }] })).toEqual(['source: unknown operator begins']);
    expect(validatePattern({ n: [{ numeric: ['>', 'x'] }] })).toHaveLength(1);
    expect(validatePattern({ e: [{ exists: 'yes' }] })).toHaveLength(1);
  });
});
