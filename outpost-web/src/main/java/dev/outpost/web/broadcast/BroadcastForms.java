package dev.outpost.web.broadcast;

import dev.outpost.care.broadcast.Broadcaster;
import dev.outpost.core.Permission;
import dev.outpost.core.broadcast.Broadcast;
import dev.outpost.web.Principal;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;

/**
 * The {@code /broadcasts} pages: plain HTML forms that post and come back to the broadcast's page
 * (303), or show the page again with the reason when something was refused.
 */
final class BroadcastForms {
  private final Broadcaster broadcaster;
  private final BroadcastWeb web;

  BroadcastForms(Broadcaster broadcaster, BroadcastWeb web) {
    this.broadcaster = broadcaster;
    this.web = web;
  }

  void index(Context ctx) {
    showIndex(ctx, "");
  }

  private void showIndex(Context ctx, String error) {
    ctx.html(
        web.render(
            "broadcasts.jte",
            new BroadcastPages.Index(
                broadcaster.recent(100),
                broadcaster.settings().components(),
                BroadcastPages.impacts(),
                error)));
  }

  void create(Context ctx) {
    try {
      Broadcast b =
          broadcaster.draft(
              Optional.ofNullable(ctx.formParam("title")).orElse(""),
              BroadcastWeb.impact(ctx.formParam("impact")),
              ctx.formParams("components"),
              Optional.ofNullable(ctx.formParam("incident")).filter(s -> !s.isBlank()),
              Optional.ofNullable(ctx.formParam("body")).orElse(""),
              Principal.of(ctx).name());
      ctx.redirect("/broadcasts/" + b.id(), HttpStatus.SEE_OTHER);
    } catch (IllegalArgumentException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      showIndex(ctx, e.getMessage());
    }
  }

  void detail(Context ctx) {
    showDetail(ctx, BroadcastWeb.id(ctx), "");
  }

  private void showDetail(Context ctx, long id, String error) {
    Broadcast b = web.find(id);
    List<BroadcastPages.MessageView> messages =
        b.messages().stream()
            .map(m -> new BroadcastPages.MessageView(m, broadcaster.preview(id, m.seq())))
            .toList();
    Optional<Broadcaster.Affected> affected = Optional.empty();
    if (b.incidentId().isPresent() && Principal.of(ctx).may(Permission.VIEW_PERSONAL_DATA)) {
      try {
        affected = Optional.of(broadcaster.affected(id));
      } catch (IllegalArgumentException e) {
        error = error.isEmpty() ? e.getMessage() : error;
      }
    }
    ctx.html(
        web.render(
            "broadcast.jte",
            new BroadcastPages.Detail(
                b, messages, broadcaster.results(id), broadcaster.link(b), affected, error)));
  }

  @FunctionalInterface
  private interface Action {
    void run(long id, String actor);
  }

  private void act(Context ctx, Action action) {
    long id = BroadcastWeb.id(ctx);
    web.find(id);
    try {
      action.run(id, Principal.of(ctx).name());
      ctx.redirect("/broadcasts/" + id, HttpStatus.SEE_OTHER);
    } catch (IllegalArgumentException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      showDetail(ctx, id, e.getMessage());
    }
  }

  void followUp(Context ctx) {
    act(
        ctx,
        (id, actor) ->
            broadcaster.followUp(
                id,
                BroadcastWeb.kind(ctx.formParam("kind")),
                Optional.ofNullable(ctx.formParam("body")).orElse(""),
                actor));
  }

  void approve(Context ctx) {
    act(ctx, (id, actor) -> broadcaster.approve(id, BroadcastWeb.seq(ctx), actor));
  }

  void publish(Context ctx) {
    act(ctx, (id, actor) -> broadcaster.publish(id, BroadcastWeb.seq(ctx), actor));
  }

  void retry(Context ctx) {
    act(ctx, (id, actor) -> broadcaster.retryFailed(id, actor));
  }

  void answer(Context ctx) {
    act(
        ctx,
        (id, actor) ->
            broadcaster.answerAffected(
                id, Optional.ofNullable(ctx.formParam("text")).orElse(""), actor));
  }
}
