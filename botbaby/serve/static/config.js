// Where the page finds the API. "" means the same origin (botbaby serve).
// A static deployment (botbaby deploy aws) writes its own config.js with the API Gateway address.
window.BOTBABY_API = "";
