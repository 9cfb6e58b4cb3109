/** Start-up logs which Redis and which store it uses: never with their passwords. */
import { describe, expect, it } from 'vitest';
import { maskedUrl } from '../../src/observability/logger.js';

describe('maskedUrl', () => {
  it('hides a Redis password and keeps the host, port and database', () => {
    expect(maskedUrl('redis://:s3cret@redis.internal:6380/2')).toBe('redis://:***@redis.internal:6380/2');
    expect(maskedUrl('rediss://default:s3cret@cache.example:6379')).toBe('rediss://default:***@cache.example:6379');
  });

  it('hides a PostgreSQL password and keeps the user, host and database', () => {
    expect(maskedUrl('postgres://app:p%40ss@db.internal:5432/reminders')).toBe(
      'postgres://app:***@db.internal:5432/reminders',
    );
  });

  it('leaves a URL without credentials, and a SQLite path, as they are', () => {
    expect(maskedUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
    expect(maskedUrl('sqlite:./data/reminders.db')).toBe('sqlite:./data/reminders.db');
  });
});
