import * as z from 'zod';

export const ComponentHealth = z.object({
  status: z.enum(['ok', 'down']),
  latencyMs: z.number(),
});

export const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  components: z.record(z.string(), ComponentHealth),
});

export const OpenApiDocument = z
  .record(z.string(), z.unknown())
  .meta({ description: 'An OpenAPI 3.1 document.' });
