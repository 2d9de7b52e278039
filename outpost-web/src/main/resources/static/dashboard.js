// Overview dashboard: draws the charts with Apache ECharts (bundled at build time, served from
// /static/vendor) from the same API the tables come from. Names come from the API as data and are
// given to ECharts as plain text; no HTML is built from them here.
(function () {
  "use strict";
  var root = document.getElementById("dashboard");
  if (!root || typeof echarts === "undefined") return;
  var query = root.dataset.query || "";
  var charts = {};
  var PALETTE = ["#0b5cad", "#d4760a", "#2e7d32", "#8e24aa", "#00838f", "#c2185b", "#5d4037", "#546e7a"];
  var SENTIMENT = [
    { key: "negative", name: "Negative", color: "#c62828" },
    { key: "neutral", name: "Neutral", color: "#8c959f" },
    { key: "positive", name: "Positive", color: "#1a7f37" },
    { key: "unknown", name: "Not analysed", color: "#d0d7de" }
  ];

  function get(path) {
    return fetch(path + "?" + query, { headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) throw new Error(path + ": HTTP " + r.status);
      return r.json();
    });
  }

  function chart(id) {
    var el = document.getElementById(id);
    var c = echarts.init(el, null, { renderer: "canvas" });
    charts[id] = c;
    return c;
  }

  function label(iso, interval) {
    return interval === "hour" ? iso.substring(5, 13).replace("T", " ") + "h" : iso.substring(0, 10);
  }

  function draw(volume, share) {
    var names = {};
    share.topics.forEach(function (t) { names[t.topicId] = t.name; });
    var colors = {};
    share.topics.map(function (t) { return t.topicId; }).sort().forEach(function (id, i) {
      colors[id] = PALETTE[i % PALETTE.length];
    });
    // Every bucket of the range, empty ones included, so that time reads evenly.
    var step = volume.interval === "hour" ? 3600000 : 86400000;
    var buckets = [];
    var end = Math.min(Date.parse(volume.to), Date.parse(volume.from) + 5000 * step);
    for (var t = Date.parse(volume.from); t < end; t += step) {
      buckets.push(new Date(t).toISOString().replace(".000Z", "Z"));
    }
    var index = {};
    buckets.forEach(function (b, i) { index[b] = i; });
    var perTopic = {};
    var perSentiment = {};
    SENTIMENT.forEach(function (s) { perSentiment[s.key] = buckets.map(function () { return 0; }); });
    volume.points.forEach(function (p) {
      var series = perTopic[p.topicId];
      if (!series) { series = perTopic[p.topicId] = buckets.map(function () { return 0; }); }
      var i = index[p.bucket];
      if (i === undefined) return;
      series[i] += p.negative + p.neutral + p.positive + p.unknown;
      SENTIMENT.forEach(function (s) { perSentiment[s.key][i] += p[s.key]; });
    });
    var x = buckets.map(function (b) { return label(b, volume.interval); });
    var common = {
      animation: false,
      backgroundColor: "#ffffff",
      textStyle: { fontFamily: "system-ui, sans-serif" },
      grid: { left: 50, right: 20, top: 40, bottom: 60 },
      tooltip: { trigger: "axis", renderMode: "richText" },
      xAxis: { type: "category", data: x },
      yAxis: { type: "value", minInterval: 1 },
      dataZoom: [{ type: "inside" }, { type: "slider", height: 18, bottom: 8 }]
    };
    chart("volume-chart").setOption(Object.assign({}, common, {
      legend: { top: 0, type: "scroll" },
      series: Object.keys(perTopic).map(function (id) {
        return {
          name: names[id] || id, type: "line", showSymbol: false, data: perTopic[id],
          itemStyle: { color: colors[id] }, lineStyle: { color: colors[id] }
        };
      })
    }));
    chart("sentiment-chart").setOption(Object.assign({}, common, {
      legend: { top: 0 },
      color: SENTIMENT.map(function (s) { return s.color; }),
      series: SENTIMENT.map(function (s) {
        return { name: s.name, type: "bar", stack: "sentiment", data: perSentiment[s.key] };
      })
    }));
    chart("sov-chart").setOption({
      animation: false,
      backgroundColor: "#ffffff",
      tooltip: { trigger: "item", renderMode: "richText" },
      series: [{
        type: "pie",
        radius: ["40%", "70%"],
        label: { formatter: "{b}: {d}%" },
        data: share.topics.filter(function (t) { return t.mentions > 0; }).map(function (t) {
          return { name: t.name, value: t.mentions, itemStyle: { color: colors[t.topicId] } };
        })
      }]
    });
    root.dataset.rendered = "true";
  }

  function fail(error) {
    var p = document.createElement("p");
    p.className = "error";
    p.setAttribute("role", "alert");
    p.textContent = "The charts could not be loaded: " + error.message;
    root.insertBefore(p, root.firstChild);
  }

  Promise.all([get("/api/v1/analytics/volume"), get("/api/v1/analytics/share-of-voice")])
    .then(function (r) { draw(r[0], r[1]); })
    .catch(fail);

  document.querySelectorAll("button.png").forEach(function (button) {
    button.addEventListener("click", function () {
      var c = charts[button.dataset.chart];
      if (!c) return;
      var a = document.createElement("a");
      a.href = c.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#ffffff" });
      a.download = "outpost-" + button.dataset.name + ".png";
      document.body.appendChild(a);
      a.click();
      a.remove();
    });
  });

  window.addEventListener("resize", function () {
    Object.keys(charts).forEach(function (id) { charts[id].resize(); });
  });
})();
