// The queues page (ops/queues.xhtml): its figures update every 10 s without reloading the page (a
// self-reloading page loses the reader's place and focus, WCAG 2.2.1/2.2.2), with a button to pause,
// and its two charts. A file, not inline script: the Content-Security-Policy runs only scripts
// from our origin. The page says where the history is in data-history.
(function () {
    var live = document.getElementById('live');
    var stamp = document.getElementById('refreshed');
    var pause = document.getElementById('pause-refresh');
    var charts = document.getElementById('charts');
    // Okabe-Ito: distinguishable with the common colour-vision deficiencies.
    var palette = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#7f7f7f'];
    var drawn = {};
    var paused = false;

    // "jms.queue.DLQ.marketing.commands" → "marketing.commands (dead letters)": queues as people name them.
    function label(queue) {
        var name = queue.replace(/^jms\.(queue|topic)\./, '');
        return name.indexOf('DLQ.') === 0 ? name.substring(4) + ' (dead letters)' : name;
    }

    function drawCharts() {
        if (!window.Chart || !charts) { return; }
        // location.origin: a page opened as http://user:password@host/... must not pass its credentials on.
        fetch(location.origin + charts.dataset.history, {credentials: 'same-origin'})
            .then(function (r) { return r.json(); })
            .then(function (history) {
                var queues = Object.keys(history).filter(function (q) { return history[q].length > 0; }).sort();
                function dataset(q, i, field) {
                    var colour = palette[i % palette.length];
                    return {label: label(q), pointRadius: 0, tension: 0.2, borderColor: colour, backgroundColor: colour,
                            borderDash: i >= palette.length ? [6, 3] : [],
                            data: history[q].map(function (s) { return {x: Date.parse(s.sampledAt), y: s[field]}; })};
                }
                function chart(id, title, field) {
                    var data = {datasets: queues.map(function (q, i) { return dataset(q, i, field); })};
                    if (drawn[id]) {
                        drawn[id].data = data;
                        drawn[id].update('none');
                        return;
                    }
                    drawn[id] = new Chart(document.getElementById(id), {
                        type: 'line',
                        data: data,
                        options: {animation: false, parsing: false,
                                  plugins: {title: {display: true, text: title},
                                            legend: {display: true, position: 'bottom'}},
                                  scales: {x: {type: 'linear', ticks: {callback: function (v) {
                                      return new Date(v).toLocaleTimeString(); }}}, y: {beginAtZero: true}}}
                    });
                }
                chart('depth-chart', 'Messages waiting (depth)', 'depth');
                chart('rate-chart', 'Messages added per second', 'addedPerSecond');
            });
    }

    // The page again, and its live part swapped in: the same markup the server renders, one source of truth.
    function refresh() {
        if (paused || !live) { return; }
        fetch(location.origin + location.pathname, {credentials: 'same-origin', headers: {Accept: 'text/html'}})
            .then(function (r) {
                if (!r.ok) { throw new Error('HTTP ' + r.status); }
                return r.text();
            })
            .then(function (html) {
                var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('live');
                if (fresh) {
                    live.innerHTML = fresh.innerHTML;
                    stamp.textContent = 'Updated at ' + new Date().toLocaleTimeString() + '.';
                }
                drawCharts();
            })
            .catch(function (e) { stamp.textContent = 'Not updated (' + e.message + '); trying again in 10 s.'; });
    }

    drawCharts();
    if (live && stamp) {
        var every = (parseInt(stamp.dataset.every, 10) || 10) * 1000;
        window.setInterval(refresh, every);
        if (pause) {
            pause.hidden = false;
            pause.addEventListener('click', function () {
                paused = !paused;
                pause.setAttribute('aria-pressed', String(paused));
                pause.textContent = paused ? 'Resume updates' : 'Pause updates';
                stamp.textContent = paused ? 'Updates paused.' : stamp.textContent;
            });
        }
    }
})();
