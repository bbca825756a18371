// The site's behaviour: dark mode, lesson progress (localStorage), quizzes,
// copy buttons and the partition calculator. No network, works from file://.
(function () {
  "use strict";
  var store = {
    get: function (k) { try { return localStorage.getItem("partition-lab:" + k); } catch (e) { return null; } },
    set: function (k, v) { try { localStorage.setItem("partition-lab:" + k, v); } catch (e) {} },
  };
  var root = document.documentElement;

  // Dark mode
  var toggle = document.getElementById("theme-toggle");
  function showTheme() {
    var dark = root.getAttribute("data-theme") === "dark";
    toggle.setAttribute("aria-pressed", String(dark));
    toggle.textContent = dark ? "Light mode" : "Dark mode";
  }
  if (toggle) {
    showTheme();
    toggle.addEventListener("click", function () {
      var next = root.getAttribute("data-theme") === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      store.set("theme", next);
      showTheme();
    });
  }

  // Progress: one flag per lesson
  function done(lesson) { return store.get("done:" + lesson) === "1"; }
  document.querySelectorAll("button.mark-done").forEach(function (button) {
    var lesson = button.getAttribute("data-lesson");
    function show() {
      var d = done(lesson);
      button.setAttribute("aria-pressed", String(d));
      button.textContent = d ? "✓ Done — mark as not done" : "Mark this lesson as done";
    }
    show();
    button.addEventListener("click", function () {
      store.set("done:" + lesson, done(lesson) ? "0" : "1");
      show();
    });
  });
  var lessonsDone = document.getElementById("lessons-done");
  if (lessonsDone) {
    var count = 0;
    document.querySelectorAll("ol.lessons li[data-lesson]").forEach(function (li) {
      var d = done(li.getAttribute("data-lesson"));
      if (d) count++;
      li.classList.toggle("done", d);
      li.querySelector(".done-badge").hidden = !d;
    });
    lessonsDone.textContent = String(count);
    var steps = 0;
    document.querySelectorAll("ol.steps li[data-lesson]").forEach(function (li) {
      var d = done(li.getAttribute("data-lesson"));
      if (d) steps++;
      li.classList.toggle("done", d);
    });
    document.getElementById("steps-done").textContent = String(steps);
  }

  // Quizzes
  document.querySelectorAll(".quiz fieldset.question").forEach(function (q) {
    var button = q.querySelector("button.check");
    var feedback = q.querySelector(".feedback");
    button.addEventListener("click", function () {
      var picked = q.querySelector("input:checked");
      if (!picked) { feedback.textContent = "Pick an answer first."; feedback.className = "feedback"; return; }
      var right = picked.value === q.getAttribute("data-answer");
      feedback.textContent = right ? "Right!" : "Not quite — try again, or read the explanation.";
      feedback.className = "feedback " + (right ? "right" : "wrong");
      if (right) q.querySelector("details.explanation").open = true;
    });
  });

  // Predictions: the outcome stays folded until the reader has picked an answer
  var normalise = function (s) { return String(s).trim().replace(/\s+/g, " ").toLowerCase(); };
  document.querySelectorAll("fieldset.prediction").forEach(function (q) {
    var outcome = document.getElementById(q.getAttribute("data-outcome"));
    if (!outcome) return;
    outcome.hidden = true;
    var feedback = q.querySelector(".feedback");
    q.querySelector("button.reveal").addEventListener("click", function () {
      var picked = q.querySelector("input:checked");
      if (!picked) { feedback.textContent = "Pick an answer first."; feedback.className = "feedback"; return; }
      outcome.hidden = false;
      var actual = outcome.getAttribute("data-actual");
      if (actual === null) { feedback.textContent = "Here is what happened."; feedback.className = "feedback"; return; }
      var right = normalise(actual) === normalise(picked.value);
      feedback.textContent = right ? "You predicted it." : "Not what you predicted: it was \u201c" + actual + "\u201d.";
      feedback.className = "feedback " + (right ? "right" : "wrong");
    });
  });

  // Copy buttons
  document.querySelectorAll("button.copy").forEach(function (button) {
    button.addEventListener("click", function () {
      var code = button.parentElement.querySelector("pre").innerText;
      var done = function () { button.textContent = "Copied"; setTimeout(function () { button.textContent = "Copy"; }, 1500); };
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(code).then(done, function () {});
      else {
        var area = document.createElement("textarea");
        area.value = code; document.body.appendChild(area); area.select();
        try { document.execCommand("copy"); done(); } catch (e) {}
        document.body.removeChild(area);
      }
    });
  });

  // Partition calculator
  var form = document.getElementById("calculator");
  if (form && window.PartitionLab) {
    var keysInput = document.getElementById("calc-keys");
    var countInput = document.getElementById("calc-partitions");
    var body = document.querySelector("#calc-results tbody");
    var chart = document.getElementById("calc-chart");
    var update = function () {
      var n = parseInt(countInput.value, 10);
      body.textContent = "";
      chart.textContent = "";
      if (!(n >= 1 && n <= 10000)) return;
      var keys = keysInput.value.split("\n").filter(function (k) { return k.length > 0; });
      var perPartition = [];
      for (var p = 0; p < Math.min(n, 64); p++) perPartition.push({ murmur2: 0, consistent: 0 });
      keys.forEach(function (key) {
        var m = window.PartitionLab.partitionFor(key, n, "murmur2");
        var c = window.PartitionLab.partitionFor(key, n, "consistent");
        var tr = document.createElement("tr");
        [key, String(m), String(c)].forEach(function (text) { var td = document.createElement("td"); td.textContent = text; tr.appendChild(td); });
        body.appendChild(tr);
        if (perPartition[m]) perPartition[m].murmur2++;
        if (perPartition[c]) perPartition[c].consistent++;
      });
      drawChart(chart, perPartition);
    };
    keysInput.addEventListener("input", update);
    countInput.addEventListener("input", update);
    update();
  }

  function drawChart(figure, rows) {
    var ns = "http://www.w3.org/2000/svg";
    var max = Math.max.apply(null, rows.map(function (r) { return Math.max(r.murmur2, r.consistent); }).concat([1]));
    var width = 40 + rows.length * 36, height = 160;
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("width", String(width)); svg.setAttribute("height", String(height + 30));
    svg.setAttribute("role", "img"); svg.setAttribute("aria-label", "Keys per partition, murmur2 and CRC32");
    rows.forEach(function (r, i) {
      [["murmur2", "bar-murmur2", 0], ["consistent", "bar-consistent", 14]].forEach(function (s) {
        var h = (r[s[0]] / max) * height;
        var rect = document.createElementNS(ns, "rect");
        rect.setAttribute("x", String(30 + i * 36 + s[2])); rect.setAttribute("y", String(height - h));
        rect.setAttribute("width", "12"); rect.setAttribute("height", String(h)); rect.setAttribute("class", s[1]);
        svg.appendChild(rect);
      });
      var label = document.createElementNS(ns, "text");
      label.setAttribute("x", String(36 + i * 36)); label.setAttribute("y", String(height + 16));
      label.textContent = String(i);
      svg.appendChild(label);
    });
    figure.appendChild(svg);
    var caption = document.createElement("figcaption");
    caption.textContent = "Keys per partition: murmur2 (left bar) and CRC32 (right bar)";
    figure.appendChild(caption);
  }
})();
