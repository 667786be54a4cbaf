-- The help-finder POST: one full set of answers, sent as the form sends them.
-- No CSRF token or cookie: the view is CSRF-exempt and public pages set no cookies.
-- wrk runs with bench/ as its working directory, so report.lua is found here.
dofile("report.lua")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "for_whom=me&danger=no&can_talk=yes&relationship=partner"
  .. "&can_speak_and_hear=yes&gender=woman&age=19_plus&area=notts"
