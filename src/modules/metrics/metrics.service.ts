import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pool } from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** Route labels are templates ("/api/v1/predictions/:prediction_id"), never raw paths, so no id reaches a label. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly requestDuration: Histogram<'method' | 'route' | 'status_class'>;
  private readonly requests: Counter<'method' | 'route' | 'status_class'>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry });
    const labelNames = ['method', 'route', 'status_class'] as const;
    this.requestDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by method, route template and status class',
      labelNames,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.requests = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests by method, route template and status class',
      labelNames,
      registers: [this.registry],
    });
    this.registerPoolGauges(dataSource);
  }

  observeRequest(method: string, route: string, statusCode: number, durationMs: number): void {
    const labels = { method, route, status_class: `${Math.floor(statusCode / 100)}xx` };
    this.requestDuration.observe(labels, durationMs / 1000);
    this.requests.inc(labels);
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private registerPoolGauges(dataSource: DataSource): void {
    const pool = (): Pool | undefined => (dataSource.driver as PostgresDriver).master as Pool | undefined;
    const gauge = (name: string, help: string, read: (p: Pool) => number): void => {
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          const current = pool();
          this.set(current ? read(current) : 0);
        },
      });
    };
    gauge('db_pool_connections_total', 'Connections open in the database pool', (p) => p.totalCount);
    gauge('db_pool_connections_idle', 'Idle connections in the database pool', (p) => p.idleCount);
    gauge('db_pool_requests_waiting', 'Queries waiting for a pooled connection', (p) => p.waitingCount);
  }
}
