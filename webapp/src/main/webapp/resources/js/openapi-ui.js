// Starts Swagger UI on /openapi-ui/ (a file, not inline: the CSP runs only scripts from our origin).
// No validator badge: it would send the document to validator.swagger.io.
(function () {
    var host = document.getElementById('swagger-ui');
    if (!host || !window.SwaggerUIBundle) { return; }
    window.SwaggerUIBundle({url: location.origin + host.dataset.url, domNode: host, deepLinking: true,
                            validatorUrl: null, tryItOutEnabled: false});
})();
