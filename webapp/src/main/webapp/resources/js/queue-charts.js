// The queue charts of ops/queues.xhtml. A file, not inline script: the Content-Security-Policy runs
// only scripts from our origin. The page says where the history is in data-history.
(function () {
    var charts = document.getElementById('charts');
    if (!window.Chart || !charts) { return; }
    // location.origin: a page opened as http://user:password@host/... must not pass its credentials on.
    fetch(location.origin + charts.dataset.history, {credentials: 'same-origin'})
        .then(function (r) { return r.json(); })
        .then(function (history) {
            var queues = Object.keys(history).filter(function (q) { return history[q].length > 0; });
            function dataset(q, field) {
                return {label: q, pointRadius: 0, tension: 0.2,
                        data: history[q].map(function (s) { return {x: Date.parse(s.sampledAt), y: s[field]}; })};
            }
            function chart(id, title, field) {
                new Chart(document.getElementById(id), {
                    type: 'line',
                    data: {datasets: queues.map(function (q) { return dataset(q, field); })},
                    options: {animation: false, parsing: false,
                              plugins: {title: {display: true, text: title}},
                              scales: {x: {type: 'linear', ticks: {callback: function (v) {
                                  return new Date(v).toLocaleTimeString(); }}}, y: {beginAtZero: true}}}
                });
            }
            chart('depth-chart', 'Depth', 'depth');
            chart('rate-chart', 'Added per second', 'addedPerSecond');
        });
})();
