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
