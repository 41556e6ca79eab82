export { ConfidentialityFindings } from '../components/ConfidentialityFindings.js'
