package dev.outpost.app;

import dev.outpost.core.pipeline.Pipeline;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/** The pipeline's counters as Prometheus meters ({@code outpost_pipeline_*}). */
final class PipelineMeters {
  private PipelineMeters() {}

  static void bind(Pipeline pipeline, MeterRegistry registry) {
    counter(
        registry,
        pipeline,
        "outpost.pipeline.received",
        "posts read from sources",
        p -> p.stats().received());
    counter(
        registry,
        pipeline,
        "outpost.pipeline.matched",
        "posts that matched a topic",
        p -> p.stats().matched());
    counter(
        registry,
        pipeline,
        "outpost.pipeline.mentions.stored",
        "new mentions stored",
        p -> p.stats().newMentions());
    counter(
        registry,
        pipeline,
        "outpost.pipeline.store.failures",
        "failed store attempts (retried)",
        p -> p.stats().storeFailures());
    counter(
        registry,
        pipeline,
        "outpost.pipeline.dead.letters",
        "posts set aside because they could not be processed or stored",
        p -> p.stats().rejected());
    Gauge.builder("outpost.pipeline.lag", pipeline, p -> p.stats().lagMillis() / 1000.0)
        .description("age of the oldest post accepted from a source but not yet stored")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("outpost.pipeline.queue.capacity", pipeline, p -> p.stats().queueCapacity())
        .description("posts the pipeline's queues hold before sources must wait")
        .baseUnit("posts")
        .register(registry);
    Gauge.builder("outpost.pipeline.queued", pipeline, p -> p.stats().queued())
        .description("posts waiting in the pipeline's queues")
        .baseUnit("posts")
        .register(registry);
  }

  private static void counter(
      MeterRegistry registry,
      Pipeline pipeline,
      String name,
      String description,
      ToDoubleFunction<Pipeline> f) {
    FunctionCounter.builder(name, pipeline, f)
        .description(description)
        .baseUnit("posts")
        .register(registry);
  }
}
