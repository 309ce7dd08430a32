// Small manifests several test files start from.

/** A Deployment with only what the API server requires: a selector, matching template labels, one container. */
export const MINIMAL_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

/** A Service that selects MINIMAL_DEPLOYMENT's pods (app: web). */
export const MINIMAL_SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
`;
