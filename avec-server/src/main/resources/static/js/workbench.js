// Avec workbench: the few behaviours htmx does not cover. Loaded as a file (no inline script), so the
// Content-Security-Policy can forbid inline scripts.
(function () {
  "use strict";

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute("content") : null;
  }

  // Spring Security's CSRF token on every htmx request.
  document.addEventListener("htmx:configRequest", function (event) {
    var header = meta("csrf-header");
    if (header) {
      event.detail.headers[header] = meta("csrf-token");
    }
  });

  // ---- Draft generation, streamed into the page -------------------------------------------------
  function generate(button) {
    var stream = document.getElementById("stream");
    var status = document.getElementById("generate-status");
    var failed = document.getElementById("msg-failed").textContent;
    button.disabled = true;
    status.textContent = document.getElementById("msg-generating").textContent;
    var headers = {};
    if (meta("csrf-header")) {
      headers[meta("csrf-header")] = meta("csrf-token");
    }
    fetch(button.getAttribute("data-url"), {method: "POST", headers: headers, credentials: "same-origin"})
      .then(function (response) {
        if (!response.ok || !response.body) {
          throw new Error("HTTP " + response.status);
        }
        var reader = response.body.getReader();
        var decoder = new TextDecoder();
        var pending = "";
        function handle(line) {
          if (!line.trim()) {
            return;
          }
          var message = JSON.parse(line);
          if (message.delta) {
            stream.textContent += message.delta;
          } else if (message.done) {
            window.location.assign(message.done);
          } else if (message.error) {
            var text = message.error === "opposed" ? document.getElementById("msg-opposed").textContent : failed + " " + message.error;
            status.textContent = text;
            status.className = "alert error";
            button.disabled = false;
          }
        }
        function pump() {
          return reader.read().then(function (chunk) {
            if (chunk.done) {
              handle(pending);
              return;
            }
            pending += decoder.decode(chunk.value, {stream: true});
            var lines = pending.split("\n");
            pending = lines.pop();
            lines.forEach(handle);
            return pump();
          });
        }
        return pump();
      })
      .catch(function (error) {
        status.textContent = failed + " " + error.message;
        status.className = "alert error";
        button.disabled = false;
      });
  }

  // ---- Review: findings highlighted in place ------------------------------------------------------
  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  var RANK = {error: 3, warning: 2, info: 1};

  function findingItems() {
    return Array.prototype.slice.call(document.querySelectorAll("#findings li.finding"));
  }

  function severityOf(item) {
    var match = /sev-(\w+)/.exec(item.className);
    return match ? match[1] : "info";
  }

  // Cuts the text at every finding boundary; each piece takes the most severe finding covering it.
  function renderHighlights(active) {
    var note = document.getElementById("note");
    var layer = document.getElementById("highlights");
    if (!note || !layer) {
      return;
    }
    var text = note.value;
    var spans = findingItems().filter(function (item) {
      return !item.classList.contains("dismissed");
    }).map(function (item) {
      return {
        start: Math.min(parseInt(item.getAttribute("data-start"), 10), text.length),
        end: Math.min(parseInt(item.getAttribute("data-end"), 10), text.length),
        severity: severityOf(item),
        id: item.id
      };
    });
    var cuts = [0, text.length];
    spans.forEach(function (span) {
      cuts.push(span.start, span.end);
    });
    cuts = cuts.filter(function (value, index, all) {
      return all.indexOf(value) === index;
    }).sort(function (a, b) {
      return a - b;
    });
    var html = "";
    for (var i = 0; i + 1 < cuts.length; i++) {
      var from = cuts[i], to = cuts[i + 1];
      var best = null;
      spans.forEach(function (span) {
        if (span.start <= from && span.end >= to && span.end > span.start && (!best || RANK[span.severity] > RANK[best.severity])) {
          best = span;
        }
      });
      var piece = escapeHtml(text.substring(from, to));
      html += best ? '<mark class="sev-' + best.severity + (active && active === best.id ? " active" : "") + '">' + piece + "</mark>" : piece;
    }
    // A trailing newline needs content after it to keep the same height as the textarea.
    layer.innerHTML = html + "\n ";
    syncScroll();
  }

  function syncScroll() {
    var note = document.getElementById("note");
    var backdrop = document.querySelector(".editor .backdrop");
    if (note && backdrop) {
      backdrop.scrollTop = note.scrollTop;
    }
  }

  function showPassage(item) {
    var transcript = document.getElementById("transcript");
    findingItems().forEach(function (other) {
      other.classList.toggle("current", other === item);
    });
    renderHighlights(item.id);
    var note = document.getElementById("note");
    var start = parseInt(item.getAttribute("data-start"), 10);
    var end = parseInt(item.getAttribute("data-end"), 10);
    if (note && note.setSelectionRange) {
      note.setSelectionRange(start, end);
    }
    if (!transcript) {
      return;
    }
    var text = transcript.textContent;
    var pstart = parseInt(item.getAttribute("data-pstart"), 10);
    var pend = parseInt(item.getAttribute("data-pend"), 10);
    if (pstart >= 0 && pend > pstart && pend <= text.length) {
      transcript.innerHTML = escapeHtml(text.substring(0, pstart)) + '<mark id="passage">' + escapeHtml(text.substring(pstart, pend))
        + "</mark>" + escapeHtml(text.substring(pend));
      document.getElementById("passage").scrollIntoView({block: "center"});
    } else {
      transcript.textContent = text;
    }
  }

  function setSaveStatus(key) {
    var status = document.getElementById("save-status");
    if (status && status.getAttribute("data-" + key)) {
      status.textContent = status.getAttribute("data-" + key);
    }
  }

  var saving = false;

  // ---- Recording in the browser (MediaRecorder, WebM), only once the patient's consent is ticked -----
  function setUpRecording() {
    var start = document.getElementById("record-start");
    var stop = document.getElementById("record-stop");
    var file = document.getElementById("audio");
    var status = document.getElementById("record-status");
    if (!start || !stop || !file) {
      return;
    }
    var granted = document.querySelector('input[name="consent"][value="GRANTED"]');
    function consentGiven() {
      return granted && granted.checked;
    }
    function refresh() {
      var allowed = consentGiven() && !!window.MediaRecorder && !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
      start.disabled = !allowed;
      file.disabled = !consentGiven();
    }
    document.querySelectorAll('input[name="consent"]').forEach(function (radio) {
      radio.addEventListener("change", refresh);
    });
    refresh();
    var recorder = null;
    var chunks = [];
    start.addEventListener("click", function () {
      if (!consentGiven()) {
        return;
      }
      navigator.mediaDevices.getUserMedia({audio: true}).then(function (stream) {
        chunks = [];
        recorder = new MediaRecorder(stream, {mimeType: "audio/webm"});
        recorder.ondataavailable = function (event) {
          chunks.push(event.data);
        };
        recorder.onstop = function () {
          stream.getTracks().forEach(function (track) {
            track.stop();
          });
          var recorded = new File(chunks, "consultation.webm", {type: "audio/webm"});
          var transfer = new DataTransfer();
          transfer.items.add(recorded);
          file.files = transfer.files;
          status.textContent = start.getAttribute("data-recorded");
          start.disabled = false;
          stop.disabled = true;
        };
        recorder.start(1000);
        status.textContent = start.getAttribute("data-recording");
        start.disabled = true;
        stop.disabled = false;
      }).catch(function (error) {
        status.textContent = error.message;
      });
    });
    stop.addEventListener("click", function () {
      if (recorder && recorder.state !== "inactive") {
        recorder.stop();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpRecording();
    var button = document.getElementById("generate");
    if (button) {
      button.addEventListener("click", function () {
        generate(button);
      });
    }
    var note = document.getElementById("note");
    if (note) {
      note.addEventListener("scroll", syncScroll);
      note.addEventListener("input", function () {
        renderHighlights(null);
      });
      renderHighlights(null);
    }
  });

  document.addEventListener("click", function (event) {
    var show = event.target.closest ? event.target.closest(".finding-show") : null;
    if (show) {
      showPassage(show.closest("li.finding"));
    }
    // An omission: the source sentence is added at the end of the note in one click, then saved and verified again.
    var insert = event.target.closest ? event.target.closest(".finding-insert") : null;
    var noteArea = document.getElementById("note");
    if (insert && noteArea) {
      var fact = insert.getAttribute("data-insert");
      var current = noteArea.value.replace(/\s+$/, "");
      noteArea.value = current + (current.length ? "\n" : "") + fact;
      noteArea.dispatchEvent(new Event("input", {bubbles: true}));
      noteArea.focus();
    }
  });

  document.addEventListener("htmx:beforeRequest", function (event) {
    if (event.detail.elt && event.detail.elt.id === "note") {
      saving = true;
      setSaveStatus("saving");
    }
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.elt && event.detail.elt.id === "note") {
      saving = false;
      setSaveStatus(event.detail.successful ? "saved" : "failed");
    }
  });

  document.addEventListener("htmx:afterSettle", function () {
    renderHighlights(null);
  });

  window.addEventListener("beforeunload", function (event) {
    if (saving) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
